import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcDate, utcDateTime } from './utc.ts';

describe('utc text', () => {
  it('agrees with the platform calendar for any moment from 1970 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7_258_118_400_000 }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(utcDate(ms)).toBe(iso.slice(0, 10));
        expect(utcDateTime(ms)).toBe(`${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`);
      }),
    );
  });
});
