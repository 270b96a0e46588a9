import { describe, expect, it } from 'vitest';
import type { PublishedRecord } from '@chaos-quest/engine';
import { chartScale, niceTicks, trendSeries } from './trend-series.ts';

function record(sessionId: string, start: number, detectedAfterMin: number | null): PublishedRecord {
  return {
    practice: true,
    sessionId,
    scenario: { id: 'dns', title: 'DNS', hash: 'h' },
    services: ['checkout'],
    team: 'a',
    roles: [],
    milestones: {
      started: { game: 5, wall: start, source: 'scenario' },
      ...(detectedAfterMin === null
        ? {}
        : {
            detected: { game: 5 + detectedAfterMin, wall: start + detectedAfterMin * 30_000, source: 'team' as const },
          }),
    },
    detectionSource: null,
    outcome: 'success',
    ending: null,
    decisions: [],
    rolls: [],
    falseAlarms: [],
    actionItems: [],
    startedAt: start,
    endedAt: start + 1,
  };
}

describe('trendSeries', () => {
  it('gives one point per run that reached the milestone, oldest first, on either clock', () => {
    const records = [record('late', 2_000_000, 10), record('early', 1_000_000, 20), record('never', 1_500_000, null)];
    expect(trendSeries(records, 'mttd', 'game')).toEqual([
      { at: 1_000_000, value: 20, sessionId: 'early' },
      { at: 2_000_000, value: 10, sessionId: 'late' },
    ]);
    expect(trendSeries(records, 'mttd', 'wall').map((p) => p.value)).toEqual([10, 5]);
    expect(trendSeries(records, 'mttr', 'game')).toEqual([]);
  });
});

describe('chart scales', () => {
  it('picks round ticks that cover the largest value', () => {
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('maps the first run to the left edge, the last to the right, zero to the bottom', () => {
    const points = [
      { at: 100, value: 0, sessionId: 'a' },
      { at: 200, value: 40, sessionId: 'b' },
    ];
    const s = chartScale(points, 300, 100, { left: 20, right: 10, top: 5, bottom: 15 });
    expect(s.x(100)).toBe(20);
    expect(s.x(200)).toBe(290);
    expect(s.y(0)).toBe(85);
    expect(s.y(40)).toBe(5);
  });

  it('centres a single run', () => {
    const s = chartScale([{ at: 5, value: 3, sessionId: 'a' }], 100, 50, { left: 0, right: 0, top: 0, bottom: 0 });
    expect(s.x(5)).toBe(50);
  });
});
