import { describe, expect, it } from 'vitest';
import { runTimes } from './run-times.ts';

describe('runTimes', () => {
  it('measures from the fault’s start on both clocks, and from the first page for acknowledge', () => {
    const times = runTimes({
      started: { game: 5, wall: 1_000, source: 'scenario' },
      firstPage: { game: 10, wall: 4_000, source: 'page' },
      acknowledged: { game: 12, wall: 9_000, source: 'page' },
      detected: { game: 15, wall: 61_000, source: 'team' },
      resolved: { game: 45, wall: 601_000, source: 'outcome' },
    });
    expect(Object.fromEntries(times.map((t) => [t.key, t.span]))).toEqual({
      ttd: { game: 10, wall: 60_000 },
      tta: { game: 2, wall: 5_000 },
      ttm: null,
      ttr: { game: 40, wall: 600_000 },
    });
  });

  it('has no spans when the fault’s start is not known', () => {
    expect(runTimes({ detected: { game: 3, wall: 10, source: 'team' } }).every((t) => t.span === null)).toBe(true);
  });
});
