import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../incident/record.ts';
import { metrics, summarize } from './metrics.ts';

const MIN = 60_000;
function record(over: Partial<IncidentRecord> & { start: number; detect?: number; resolve?: number }): IncidentRecord {
  const { start, detect, resolve, ...rest } = over;
  return {
    practice: true,
    sessionId: `s${start}`,
    scenario: { id: 'dns', title: 'DNS', hash: 'h' },
    services: ['checkout'],
    team: 'blue',
    seed: 'x',
    roles: [],
    milestones: {
      started: { game: 5, wall: start, source: 'scenario' },
      ...(detect !== undefined ? { detected: { game: 5 + detect, wall: start + detect * MIN, source: 'team' as const } } : {}),
      ...(resolve !== undefined ? { resolved: { game: 5 + resolve, wall: start + resolve * MIN, source: 'outcome' as const } } : {}),
    },
    detectionSource: detect !== undefined ? 'team' : null,
    outcome: 'success',
    ending: 'fixed',
    decisions: [],
    rolls: [],
    falseAlarms: [],
    actionItems: [],
    startedAt: start,
    endedAt: start + (resolve ?? 60) * MIN,
    ...rest,
  };
}

describe('metrics', () => {
  it('summarizes with nearest-rank p90 and the middle-pair median', () => {
    expect(summarize([])).toEqual({ count: 0, mean: null, median: null, p90: null });
    expect(summarize([10, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual({ count: 10, mean: 5.5, median: 5.5, p90: 9 });
    expect(summarize([1, 100, 2])).toMatchObject({ median: 2, p90: 100 });
  });

  it('computes time to detect and resolve on both clocks and skips records missing a milestone', () => {
    const m = metrics([record({ start: 0, detect: 10, resolve: 40 }), record({ start: 1e9, detect: 20 }), record({ start: 2e9 })]);
    expect(m.incidents).toBe(3);
    expect(m.mttd.game).toMatchObject({ count: 2, mean: 15, median: 15 });
    expect(m.mttd.wall).toMatchObject({ count: 2, mean: 15 * MIN });
    expect(m.mttr.game).toMatchObject({ count: 1, mean: 40 });
    expect(m.mtta.game.count).toBe(0);
  });

  it('filters by team, scenario, service and window, and keeps real incidents out unless asked', () => {
    const records = [
      record({ start: 0, detect: 1, team: 'red' }),
      record({ start: 100, detect: 2, services: ['dns'] }),
      record({ start: 200, detect: 3, scenario: { id: 'tls', title: 'TLS', hash: 'h' } }),
      { ...record({ start: 300, detect: 4 }), practice: false } as unknown as IncidentRecord,
    ];
    expect(metrics(records, { team: 'red' }).incidents).toBe(1);
    expect(metrics(records, { service: 'dns' }).incidents).toBe(1);
    expect(metrics(records, { scenario: 'tls' }).incidents).toBe(1);
    expect(metrics(records, { from: 50, to: 250 }).incidents).toBe(2);
    expect(metrics(records).incidents).toBe(3);
    expect(metrics(records, { includeReal: true }).incidents).toBe(4);
  });

  it('gives MTBF per service as the window length over the incidents on it', () => {
    const records = [record({ start: 0 }), record({ start: 10 * MIN }), record({ start: 20 * MIN, services: ['checkout', 'dns'] })];
    const m = metrics(records, { from: 0, to: 30 * MIN });
    expect(m.mtbf['checkout']).toEqual({ incidents: 3, wallMs: 10 * MIN });
    expect(m.mtbf['dns']).toEqual({ incidents: 1, wallMs: 30 * MIN });
  });
});
