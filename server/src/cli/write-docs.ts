/**
 * Writes docs/diagnostics.md from the engine's diagnostic catalogue. Run `npm run docs` after
 * changing engine/src/scenario/codes.ts; a test fails while the checked-in page is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { diagnosticsReference } from '@chaos-quest/engine';

const target = fileURLToPath(new URL('../../../docs/diagnostics.md', import.meta.url));
writeFileSync(target, diagnosticsReference());
console.log(`wrote ${target}`);
