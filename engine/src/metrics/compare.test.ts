import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RealIncident } from '../incident/real.ts';
import type { IncidentRecord } from '../incident/record.ts';
import { practiceRecord, realIncident } from '../testing/sample-incidents.ts';
import { compareMetrics, mtbfOf, NO_TEAM } from './compare.ts';
import { FIGURE_DEFINITIONS, FIGURE_IDS, REAL_FIGURE_IDS } from './definitions.ts';
import { practiceDurations } from './figures.ts';
import type { RunAnnotation } from './annotation.ts';
import { matches } from './metrics.ts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('practice figures', () => {
  it('measures time to detect from onset and the reaction from the first signal the team could see', () => {
    // The TTL Trap shape: the fault starts 38 game minutes before play; the first page comes at minute 1.
    const r = practiceRecord({
      start: 0,
      onset: -38,
      detect: 41,
      firstSignal: { game: 1, wall: 60_000, kind: 'page' },
    });
    const d = practiceDurations(r);
    expect(d.mttd).toBe(41);
    expect(d.reaction).toBe(2);
  });

  it('counts the reaction from the start of play when nothing was revealed or detection came first', () => {
    expect(practiceDurations(practiceRecord({ start: 0, onset: -10, detect: 15 })).reaction).toBe(5);
    const early = practiceRecord({
      start: 0,
      onset: -10,
      detect: 15,
      firstSignal: { game: 9, wall: 0, kind: 'inject' },
    });
    expect(practiceDurations(early).reaction).toBe(5);
  });

  it('measures acknowledgement on the wall clock, where a page waiting for a person takes real time', () => {
    const r = practiceRecord({ start: 0, detect: 1 });
    r.milestones.firstPage = { game: 6, wall: 1_000, source: 'page' };
    r.milestones.acknowledged = { game: 6, wall: 91_000, source: 'page' };
    expect(practiceDurations(r).mtta).toBe(90_000);
  });

  it('reports MTTR as 1 of 3 when only one run resolved, never as a plain mean of the one', () => {
    const c = compareMetrics(
      [
        practiceRecord({ start: 0, detect: 5, resolve: 40 }),
        practiceRecord({ start: DAY, detect: 9 }),
        practiceRecord({ start: 2 * DAY }),
      ],
      [],
    );
    expect(c.practice.figures.mttr).toMatchObject({ count: 1, of: 3, median: 40, unit: 'game-minutes' });
    expect(c.practice.figures.mttd).toMatchObject({ count: 2, of: 3, median: 7, p90: 9, mean: 7 });
    expect(c.practice.figures.session).toMatchObject({ count: 3, of: 3, unit: 'wall-ms' });
  });

  it('groups per service and team, and counts who detected first', () => {
    const c = compareMetrics(
      [
        practiceRecord({ start: 0, detect: 5, services: ['checkout', 'dns'], detectionSource: 'customer' }),
        practiceRecord({ start: 1, detect: 7, team: null }),
        practiceRecord({ start: 2 }),
      ],
      [],
    );
    expect(Object.keys(c.practice.byService)).toEqual(['checkout', 'dns']);
    expect(c.practice.byService['dns']?.mttd).toMatchObject({ count: 1, of: 1 });
    expect(c.practice.byTeam[NO_TEAM]?.mttd).toMatchObject({ count: 1, of: 1, median: 7 });
    expect(c.practice.awareness).toEqual({
      team: 1,
      monitoring: 0,
      customer: 1,
      facilitator: 0,
      undetected: 1,
      total: 3,
    });
  });
});

describe('runs left out of the figures', () => {
  const annotation = (sessionId: string, over: Partial<RunAnnotation> = {}): RunAnnotation => ({
    sessionId,
    note: null,
    excluded: true,
    reason: 'training run for new hires',
    at: 0,
    ...over,
  });

  it('leaves an excluded run out of every figure and says which runs and why', () => {
    const runs = [practiceRecord({ start: 0, detect: 5 }), practiceRecord({ start: DAY, detect: 60, resolve: 90 })];
    const c = compareMetrics(runs, [], {}, undefined, [annotation(`s${DAY}`), annotation('elsewhere')]);
    expect(c.practice.runs).toBe(1);
    expect(c.practice.excluded).toEqual([{ sessionId: `s${DAY}`, reason: 'training run for new hires' }]);
    expect(c.practice.figures.mttd).toMatchObject({ count: 1, of: 1, median: 5 });
    expect(c.practice.figures.mttr).toMatchObject({ count: 0, of: 1 });
    expect(c.practice.awareness.total).toBe(1);
  });

  it('counts a run with only a note, and a note-only annotation never excludes', () => {
    const c = compareMetrics([practiceRecord({ start: 0, detect: 5 })], [], {}, undefined, [
      annotation('s0', { excluded: false, reason: null, note: 'the SRE seat was empty' }),
    ]);
    expect(c.practice).toMatchObject({ runs: 1, excluded: [] });
  });

  it('splits who noticed first by what paged the team, leaving out runs without telemetry', () => {
    const c = compareMetrics(
      [
        practiceRecord({ start: 0, detect: 5, monitoring: 'thresholds', detectionSource: 'customer' }),
        practiceRecord({ start: 1, detect: 3, monitoring: 'thresholds+baseline', detectionSource: 'monitoring' }),
        practiceRecord({ start: 2, detect: 4, monitoring: 'thresholds+baseline', detectionSource: 'monitoring' }),
        practiceRecord({ start: 3, detect: 4, monitoring: null }),
        practiceRecord({ start: 4, detect: 4 }),
      ],
      [],
    );
    expect(c.practice.awarenessByMonitoring.thresholds).toMatchObject({ customer: 1, monitoring: 0, total: 1 });
    expect(c.practice.awarenessByMonitoring['thresholds+baseline']).toMatchObject({ monitoring: 2, total: 2 });
    expect(c.practice.awareness.total).toBe(5);
  });
});

describe('real incidents beside practice', () => {
  it('measures real figures in wall ms, MTTA from the alert, and keeps them apart from practice', () => {
    const c = compareMetrics(
      [practiceRecord({ start: 0, detect: 5 })],
      [
        realIncident({ start: 0, detect: 10, ack: 14, mitigate: 30, resolve: 60 }),
        realIncident({ start: DAY, detect: 20, detectionSource: 'customer' }),
      ],
    );
    expect(c.real.incidents).toBe(2);
    expect(c.real.figures.mttd).toMatchObject({ count: 2, of: 2, median: 15 * MIN, unit: 'wall-ms' });
    expect(c.real.figures.mtta).toMatchObject({ count: 1, of: 2, median: 4 * MIN });
    expect(c.real.figures.mttr).toMatchObject({ count: 1, of: 2, median: 60 * MIN });
    expect(c.real.awareness).toMatchObject({ monitoring: 1, customer: 1, total: 2 });
    expect(c.practice.runs).toBe(1);
  });

  it('gives MTBF per service as the window over the real incidents on that service', () => {
    const real = [
      realIncident({ start: 0 }),
      realIncident({ start: 10 * DAY }),
      realIncident({ start: 20 * DAY, service: 'dns' }),
    ];
    const m = mtbfOf(real, { from: 0, to: 30 * DAY });
    expect(m.services).toEqual({ checkout: { incidents: 2, ms: 15 * DAY }, dns: { incidents: 1, ms: 30 * DAY } });
    expect(mtbfOf(real, {}, 40 * DAY).window).toEqual({ from: 0, to: 40 * DAY });
    expect(mtbfOf([], {}).window).toBeNull();
  });

  it('filters real incidents by team, service and window, not by scenario', () => {
    const real = [realIncident({ start: 0 }), realIncident({ start: DAY, team: 'red', service: 'dns' })];
    expect(compareMetrics([], real, { team: 'red' }).real.incidents).toBe(1);
    expect(compareMetrics([], real, { service: 'checkout' }).real.incidents).toBe(1);
    expect(compareMetrics([], real, { from: 1 }).real.incidents).toBe(1);
    expect(compareMetrics([], real, { scenario: 'dns' }).real.incidents).toBe(2);
  });

  it('has one written definition for every figure it reports', () => {
    for (const id of [...FIGURE_IDS, 'mtbf', 'awareness'] as const)
      expect(FIGURE_DEFINITIONS[id].practice.length).toBeGreaterThan(20);
    for (const id of REAL_FIGURE_IDS) expect(FIGURE_DEFINITIONS[id].real).not.toBeNull();
  });
});

const minute = fc.integer({ min: 0, max: 600 });
const maybe = fc.option(minute, { nil: undefined });
const practiceArb: fc.Arbitrary<IncidentRecord> = fc
  .record({
    start: fc.integer({ min: 0, max: 365 * DAY }),
    onset: fc.integer({ min: -60, max: 30 }),
    detect: maybe,
    mitigate: maybe,
    resolve: maybe,
  })
  .map((o) => practiceRecord({ ...o, services: ['checkout'] }));
const realArb: fc.Arbitrary<RealIncident> = fc
  .record({
    start: fc.integer({ min: 0, max: 365 * DAY }),
    detect: maybe,
    ack: maybe,
    mitigate: maybe,
    resolve: maybe,
    service: fc.constantFrom('checkout', 'dns'),
  })
  .map((o) => realIncident({ ...o, key: `k${o.start}` }));

describe('properties', () => {
  it('never loses n of N: every figure counts every run, and reached never exceeds it', () => {
    fc.assert(
      fc.property(fc.array(practiceArb, { maxLength: 30 }), fc.array(realArb, { maxLength: 30 }), (practice, real) => {
        const c = compareMetrics(practice, real);
        for (const id of FIGURE_IDS) {
          const f = c.practice.figures[id];
          expect(f.of).toBe(practice.length);
          expect(f.count).toBe(practice.filter((r) => practiceDurations(r)[id] !== null).length);
          expect(f.count === 0).toBe(f.median === null);
        }
        for (const id of REAL_FIGURE_IDS) expect(c.real.figures[id].of).toBe(real.length);
        for (const group of Object.values(c.practice.byTeam))
          expect(group.mttd.count).toBeLessThanOrEqual(group.mttd.of);
        expect(c.practice.awareness.total).toBe(practice.length);
      }),
    );
  });

  it('never drops a run silently: counted plus left out is every run the filter passes, in every figure', () => {
    const annotated = fc.record({
      practice: fc.uniqueArray(practiceArb, { selector: (r) => r.sessionId, maxLength: 30 }),
      excludedIndexes: fc.array(fc.nat(), { maxLength: 10 }),
      notedIndexes: fc.array(fc.nat(), { maxLength: 10 }),
      from: fc.option(fc.integer({ min: 0, max: 365 * DAY }), { nil: undefined }),
    });
    fc.assert(
      fc.property(annotated, ({ practice, excludedIndexes, notedIndexes, from }) => {
        const pick = (i: number) => practice[i % Math.max(1, practice.length)]?.sessionId ?? 'none';
        const annotations: RunAnnotation[] = [
          ...notedIndexes.map((i) => ({ sessionId: pick(i), note: 'n', excluded: false, reason: null, at: 0 })),
          ...excludedIndexes.map((i) => ({ sessionId: pick(i), note: null, excluded: true, reason: `r${i}`, at: 1 })),
        ];
        const filter = { from };
        const c = compareMetrics(practice, [], filter, undefined, annotations);
        const shown = practice.filter((r) => matches(r, filter));
        const left = new Set(annotations.filter((a) => a.excluded).map((a) => a.sessionId));
        expect(c.practice.runs + c.practice.excluded.length).toBe(shown.length);
        expect(c.practice.excluded.map((e) => e.sessionId).sort()).toEqual(
          shown
            .filter((r) => left.has(r.sessionId))
            .map((r) => r.sessionId)
            .sort(),
        );
        for (const e of c.practice.excluded) expect(e.reason).toMatch(/^r\d+$/);
        for (const id of FIGURE_IDS) expect(c.practice.figures[id].of).toBe(c.practice.runs);
        expect(c.practice.awareness.total).toBe(c.practice.runs);
      }),
    );
  });

  it('practice records never change MTBF', () => {
    fc.assert(
      fc.property(fc.array(realArb, { maxLength: 20 }), fc.array(practiceArb, { maxLength: 20 }), (real, practice) => {
        expect(compareMetrics(practice, real, {}, 400 * DAY).mtbf).toEqual(
          compareMetrics([], real, {}, 400 * DAY).mtbf,
        );
      }),
    );
  });

  it('the median and p90 of a reached figure lie within the values reached', () => {
    fc.assert(
      fc.property(fc.array(practiceArb, { minLength: 1, maxLength: 30 }), (practice) => {
        const values = practice.map((r) => practiceDurations(r).mttr).filter((v) => v !== null);
        const f = compareMetrics(practice, []).practice.figures.mttr;
        if (values.length === 0) return;
        expect(f.median).toBeGreaterThanOrEqual(Math.min(...values));
        expect(f.p90).toBeLessThanOrEqual(Math.max(...values));
        expect(f.median).toBeLessThanOrEqual(f.p90 as number);
      }),
    );
  });
});
