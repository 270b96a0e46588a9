import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../incident/record.ts';
import { matches, span, summarize } from './metrics.ts';
import { practiceRecord as record } from '../testing/sample-incidents.ts';

describe('metrics basics', () => {
  it('summarizes with nearest-rank p90 and the middle-pair median', () => {
    expect(summarize([])).toEqual({ count: 0, mean: null, median: null, p90: null });
    expect(summarize([10, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual({ count: 10, mean: 5.5, median: 5.5, p90: 9 });
    expect(summarize([1, 100, 2])).toMatchObject({ median: 2, p90: 100 });
  });

  it('spans two milestones on both clocks, null when either is missing', () => {
    expect(span(record({ start: 0, detect: 10 }), { from: 'started', to: 'detected' })).toEqual({
      game: 10,
      wall: 10 * 60_000,
    });
    expect(span(record({ start: 0 }), { from: 'started', to: 'detected' })).toBeNull();
  });

  it('filters practice records by team, scenario, service and window, and never lets a real one through', () => {
    const records = [
      record({ start: 0, detect: 1, team: 'red' }),
      record({ start: 100, detect: 2, services: ['dns'] }),
      record({ start: 200, detect: 3, scenario: { id: 'tls', title: 'TLS', hash: 'h' } }),
      { ...record({ start: 300, detect: 4 }), practice: false } as unknown as IncidentRecord,
    ];
    const count = (f: Parameters<typeof matches>[1]) => records.filter((r) => matches(r, f)).length;
    expect(count({ team: 'red' })).toBe(1);
    expect(count({ service: 'dns' })).toBe(1);
    expect(count({ scenario: 'tls' })).toBe(1);
    expect(count({ from: 50, to: 250 })).toBe(2);
    expect(count({})).toBe(3);
  });
});
