import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODES } from './codes.ts';
import { diagnosticsReference } from './codes-reference.ts';

const checkedIn = new URL('../../../docs/diagnostics.md', import.meta.url);

describe('docs/diagnostics.md', () => {
  it('matches the catalogue (run `npm run docs` when this fails)', () => {
    expect(readFileSync(checkedIn, 'utf8')).toBe(diagnosticsReference());
  });

  it('lists every code once, in catalogue order', () => {
    const listed = [...diagnosticsReference().matchAll(/^\| (CQ\d{4}) \|/gm)].map((m) => m[1]);
    expect(listed).toEqual(Object.keys(CODES));
  });
});
