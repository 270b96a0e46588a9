/**
 * Writes scenarios/schema.json from the engine's zod schema. Run `npm run schema` after changing
 * engine/src/scenario/schema.ts; a test fails while the checked-in file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '@chaos-quest/engine';

const target = fileURLToPath(new URL('../../../scenarios/schema.json', import.meta.url));
writeFileSync(target, scenarioJsonSchemaText());
console.log(`wrote ${target}`);
