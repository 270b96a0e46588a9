import { describe, expect, it } from 'vitest';
import { DAY_S, dayRange } from './trend-range.ts';

const NOV_30 = Date.UTC(2026, 10, 30, 21) / 1000;

describe('dayRange', () => {
  it('spans a week around a single run, not years', () => {
    expect(dayRange(NOV_30, NOV_30)).toEqual([NOV_30 - 3 * DAY_S, NOV_30 + 3 * DAY_S]);
  });

  it('keeps runs hours apart on one day in a week as well', () => {
    const [from, to] = dayRange(NOV_30 - 3600, NOV_30);
    expect(to - from).toBe(6 * DAY_S + 3600);
  });

  it('gives a span of months a margin of a twentieth each side, and at least half a day', () => {
    const start = NOV_30 - 100 * DAY_S;
    expect(dayRange(start, NOV_30)).toEqual([start - 5 * DAY_S, NOV_30 + 5 * DAY_S]);
    expect(dayRange(NOV_30 - 2 * DAY_S, NOV_30)).toEqual([NOV_30 - 2.5 * DAY_S, NOV_30 + DAY_S / 2]);
  });

  it('falls back to a week from zero when uPlot has no data to range', () => {
    expect(dayRange(null, null)).toEqual([0, 7 * DAY_S]);
  });
});
