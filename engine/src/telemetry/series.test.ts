import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { alertsUpTo } from './alerts.ts';
import { metricSeries } from './series.ts';

const TEXT = `
format: chaos-quest/1
id: slow-leak
title: A slow leak
summary: Latency creeps up long before anyone complains.
difficulty: intro
duration: 30
services: [checkout]
clock: { start: "02:00", timebox: 120 }
roles:
  - { id: sre, name: On-call SRE, brief: You hold the pager. }
system:
  components:
    - { id: checkout, name: Checkout API }
escalation: []
fault: { starts_at: 30, affects: [checkout], summary: A connection pool leaks }
start: triage
scenes:
  - id: triage
    narration: Something is off.
    choices:
      - { id: fix, label: Fix it, goto: fixed }
      - { id: give-up, label: Give up, goto: lost }
endings:
  - { id: fixed, outcome: success, milestone: resolved }
  - { id: lost, outcome: failure }
telemetry:
  history: 180
  metrics:
    - id: latency
      component: checkout
      name: p99 latency
      unit: ms
      baseline: { level: 200, noise: 0.03, daily: 0.1 }
      min: 0
      fault:
        - { shape: drift, from: -20, size: 300, over: 60 }
    - id: errors
      component: checkout
      name: error rate
      unit: "%"
      baseline: { level: 0.5, noise: 0.2 }
      min: 0
      max: 100
      fault:
        - { shape: step, from: 10, size: 8 }
  alerts:
    - { id: errors-high, metric: errors, above: 5, for: 3, to: [sre], text: "PAGE: checkout errors above 5%" }
    - { id: latency-high, metric: latency, above: 800, for: 3, to: [sre], text: "PAGE: checkout p99 above 800 ms" }
`;
const parsed = parseScenario(TEXT, 'slow-leak.yaml');
if (!parsed.scenario) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
const scenario: Scenario = parsed.scenario;
const [latency, errors] = scenario.telemetry?.metrics ?? [];
if (!latency || !errors) throw new Error('metrics missing');
const never = () => null;

describe('metricSeries', () => {
  it('gives byte-identical series for the same seed, and other curves for another seed', () => {
    const a = metricSeries(scenario, 'seed-1', latency, -180, 120, null);
    expect(JSON.stringify(metricSeries(scenario, 'seed-1', latency, -180, 120, null))).toBe(JSON.stringify(a));
    expect(JSON.stringify(metricSeries(scenario, 'seed-2', latency, -180, 120, null))).not.toBe(JSON.stringify(a));
    expect(a).toHaveLength(301);
  });

  it('never lets a later minute change an earlier one, nor one metric another', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: -180, max: 120 }),
        fc.integer({ min: 0, max: 100 }),
        (seed, upTo, more) => {
          const short = metricSeries(scenario, seed, latency, -180, upTo, null);
          const long = metricSeries(scenario, seed, latency, -180, upTo + more, null);
          expect(long.slice(0, short.length)).toEqual(short);
          expect(short.at(-1)?.minute ?? upTo).toBe(upTo);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('drifts from twenty minutes before the fault and keeps to its bounds', () => {
    const points = metricSeries(scenario, 's', latency, -180, 120, null);
    const at = (minute: number) => points.find((p) => p.minute === minute)?.value ?? NaN;
    const before = points.filter((p) => p.minute < 10).map((p) => p.value);
    expect(Math.max(...before)).toBeLessThan(300);
    expect(at(70)).toBeGreaterThan(at(10) + 200);
    const rate = metricSeries(scenario, 's', errors, -180, 120, null);
    expect(rate.every((p) => p.value >= 0 && p.value <= 100)).toBe(true);
    expect(rate.filter((p) => p.minute >= 40).every((p) => p.value > 5)).toBe(true);
  });

  it('fades the fault away once the team mitigates', () => {
    const unmitigated = metricSeries(scenario, 's', errors, 0, 120, null);
    const mitigated = metricSeries(scenario, 's', errors, 0, 120, 60);
    expect(mitigated.slice(0, 61)).toEqual(unmitigated.slice(0, 61));
    expect(mitigated.filter((p) => p.minute > 60 + errors.recovery).every((p) => p.value < 5)).toBe(true);
  });
});

describe('alertsUpTo', () => {
  it('fires a fixed rule once it has held for its minutes, and not before the minute asked about', () => {
    const firings = alertsUpTo(scenario, 's', 120, never, false);
    const errorsPage = firings.find((f) => f.key === 'rule:errors-high');
    expect(errorsPage).toMatchObject({ kind: 'threshold', minute: 42, to: ['sre'] });
    expect(alertsUpTo(scenario, 's', 41, never, false).some((f) => f.key === 'rule:errors-high')).toBe(false);
  });

  it('lets the dynamic baseline see the drift before the fixed line on latency is crossed', () => {
    const fixed = alertsUpTo(scenario, 's', 120, never, false).find((f) => f.key === 'rule:latency-high');
    const predictive = alertsUpTo(scenario, 's', 120, never, true).find((f) => f.key === 'baseline:latency');
    expect(predictive?.kind).toBe('baseline');
    expect(predictive?.minute).toBeGreaterThanOrEqual(10);
    expect(predictive?.minute ?? Infinity).toBeLessThan(fixed?.minute ?? 121);
  });
});

describe('telemetryPoints', () => {
  it('never gives a point later than the current game minute, whatever is asked', async () => {
    const { Table, FACILITATOR } = await import('../testing/table.ts');
    const { telemetryPoints } = await import('./points.ts');
    const table = new Table(scenario, 'points');
    table.must(FACILITATOR, { type: 'session.start' });
    table.must(FACILITATOR, { type: 'clock.advance', minutes: 17 });
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (from) => {
        const answer = telemetryPoints(scenario, table.state, from);
        expect(answer?.upTo).toBe(17);
        for (const metric of answer?.metrics ?? [])
          expect(metric.points.every(([minute]) => minute >= from && minute <= 17)).toBe(true);
      }),
      { numRuns: 100 },
    );
    expect(telemetryPoints(scenario, table.state, -180)?.metrics[0]?.points).toHaveLength(198);
  });
});

describe('detectionStory', () => {
  it('tells how many minutes the dynamic baseline came before the team, once the run is over', async () => {
    const { Table, FACILITATOR } = await import('../testing/table.ts');
    const { detectionStory } = await import('./detection-story.ts');
    const { telemetryPoints } = await import('./points.ts');
    const table = new Table(scenario, 'story');
    table.must(FACILITATOR, { type: 'session.start' });
    table.must(FACILITATOR, { type: 'clock.advance', minutes: 50 });
    table.must(FACILITATOR, { type: 'milestone.mark', milestone: 'detected', source: 'customer' });
    expect(telemetryPoints(scenario, table.state, 0)?.story).toBeNull();
    table.must(FACILITATOR, { type: 'session.end', outcome: 'partial' });
    const story = detectionStory(scenario, table.state);
    expect(story?.detected).toEqual({ minute: 50, source: 'customer' });
    expect(story?.baseline?.leadMinutes).toBe(50 - (story?.baseline?.minute ?? NaN));
    expect(story?.baseline?.leadMinutes).toBeGreaterThan(0);
    expect(story?.firings.some((f) => f.kind === 'threshold')).toBe(true);
    expect(telemetryPoints(scenario, table.state, 0)?.story).toEqual(story);
    // Users felt it from the onset (the scenario names no later impact): the drift began 20 minutes before.
    expect(story?.impact).toBe(30);
    expect(story?.baseline?.beforeImpact).toBe(30 - (story?.baseline?.minute ?? NaN));
    expect(story?.baseline?.beforeImpact).toBeGreaterThan(0);
  });
});

describe('alerts paging the table', () => {
  it('pages the fixed rules as the clock passes them, and the baseline only when the session has it on', async () => {
    const { Table, FACILITATOR } = await import('../testing/table.ts');
    const plain = new Table(scenario, 'pages');
    plain.must(FACILITATOR, { type: 'session.start' });
    plain.must(FACILITATOR, { type: 'clock.advance', minutes: 41 });
    expect(plain.state.revealed.map((r) => r.key)).not.toContain('alert:rule:errors-high');
    plain.must(FACILITATOR, { type: 'clock.advance', minutes: 1 });
    const page = plain.state.revealed.find((r) => r.key === 'alert:rule:errors-high');
    expect(page).toMatchObject({ page: true, to: ['sre'], at: { game: 42 } });
    expect(plain.state.revealed.some((r) => r.key.startsWith('alert:baseline:'))).toBe(false);

    const predictive = new Table(scenario, 'pages');
    predictive.must(FACILITATOR, { type: 'session.configure', monitoring: 'thresholds+baseline' });
    predictive.must(FACILITATOR, { type: 'session.start' });
    expect(predictive.send(FACILITATOR, { type: 'session.configure', monitoring: 'thresholds' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-phase' },
    });
    predictive.must(FACILITATOR, { type: 'clock.advance', minutes: 42 });
    const baseline = predictive.state.revealed.filter((r) => r.key.startsWith('alert:baseline:'));
    expect(baseline.length).toBeGreaterThan(0);
    expect(predictive.state.timeline.some((t) => t.by === 'Dynamic baseline')).toBe(true);
    // The same alerts, the same series: a page fires once, however the clock gets past it.
    predictive.must(FACILITATOR, { type: 'clock.advance', minutes: 5 });
    expect(predictive.state.revealed.filter((r) => r.key.startsWith('alert:')).map((r) => r.key)).toEqual([
      ...new Set(predictive.state.revealed.filter((r) => r.key.startsWith('alert:')).map((r) => r.key)),
    ]);
  });

  it('leaves every series as it was after any sequence of commands that do not move the clock or mitigate', async () => {
    const { Table, FACILITATOR, SYSTEM, player } = await import('../testing/table.ts');
    const { telemetryPoints } = await import('./points.ts');
    const table = new Table(scenario, 'unrelated-property');
    table.must(SYSTEM, { type: 'player.join', playerId: 'p1', name: 'Ana' });
    table.must(player('p1'), { type: 'role.take', role: 'sre' });
    table.must(FACILITATOR, { type: 'session.start' });
    table.must(FACILITATOR, { type: 'clock.advance', minutes: 30 });
    const start = table.state;
    const before = JSON.stringify(telemetryPoints(scenario, start, -180));
    const unrelated = fc.constantFrom(
      { actor: player('p1'), payload: { type: 'timeline.post', text: 'Looking' } as const },
      { actor: player('p1'), payload: { type: 'action.propose', text: 'Roll back' } as const },
      { actor: player('p1'), payload: { type: 'hand.raise', raised: true } as const },
      { actor: player('p1'), payload: { type: 'hand.raise', raised: false } as const },
      { actor: FACILITATOR, payload: { type: 'coach', playerId: 'p1', text: 'Check errors' } as const },
      { actor: FACILITATOR, payload: { type: 'dice.roll', dice: 'd20', label: 'Luck' } as const },
      { actor: FACILITATOR, payload: { type: 'inject.improvise', text: 'A rumour' } as const },
      { actor: FACILITATOR, payload: { type: 'session.pause' } as const },
      { actor: FACILITATOR, payload: { type: 'session.resume' } as const },
    );
    fc.assert(
      fc.property(fc.array(unrelated, { maxLength: 25 }), (commands) => {
        table.state = start;
        for (const { actor, payload } of commands) table.send(actor, payload);
        expect(JSON.stringify(telemetryPoints(scenario, table.state, -180))).toBe(before);
      }),
      { numRuns: 60 },
    );
  });

  it('leaves every series as it was after commands that do not move the clock or mitigate', async () => {
    const { Table, FACILITATOR, SYSTEM, player } = await import('../testing/table.ts');
    const { telemetryPoints } = await import('./points.ts');
    const table = new Table(scenario, 'unrelated');
    table.must(SYSTEM, { type: 'player.join', playerId: 'p1', name: 'Ana' });
    table.must(player('p1'), { type: 'role.take', role: 'sre' });
    table.must(FACILITATOR, { type: 'session.start' });
    table.must(FACILITATOR, { type: 'clock.advance', minutes: 30 });
    const before = JSON.stringify(telemetryPoints(scenario, table.state, -180));
    table.must(player('p1'), { type: 'timeline.post', text: 'Looking at the dashboards' });
    table.must(player('p1'), { type: 'hand.raise', raised: true });
    table.must(FACILITATOR, { type: 'coach', playerId: 'p1', text: 'Check the error rate' });
    table.must(FACILITATOR, { type: 'dice.roll', dice: 'd20', label: 'Luck' });
    expect(JSON.stringify(telemetryPoints(scenario, table.state, -180))).toBe(before);
  });
});

describe('declaring from a signal', () => {
  it('keeps what told the team, and counts an alert as monitoring in the detection milestone', async () => {
    const { Table, FACILITATOR, SYSTEM, player } = await import('../testing/table.ts');
    const table = new Table(scenario, 'declare');
    table.must(SYSTEM, { type: 'player.join', playerId: 'p1', name: 'Ana' });
    table.must(player('p1'), { type: 'role.take', role: 'sre' });
    table.must(FACILITATOR, { type: 'session.start' });
    table.must(FACILITATOR, { type: 'clock.advance', minutes: 45 });
    table.must(player('p1'), {
      type: 'incident.declare',
      kind: 'incident',
      source: 'alert',
      alert: 'alert:rule:errors-high',
    });
    expect(table.state.declarations.at(-1)).toMatchObject({
      status: 'accepted',
      source: 'alert',
      alert: 'alert:rule:errors-high',
    });
    expect(table.state.milestones.detected).toMatchObject({ game: 45, source: 'monitoring' });
  });
});

describe('the system diagram follows the metrics', () => {
  it('shows a component degraded while one of its metrics is past its alert line, and no better than the story says', async () => {
    const { Table, FACILITATOR } = await import('../testing/table.ts');
    const { projectionFor } = await import('../views/view-for.ts');
    // The fault's own onset would mark checkout degraded; take that away to see the metrics alone.
    const quiet: Scenario = { ...scenario, fault: { ...scenario.fault, affects: [] } };
    const table = new Table(quiet, 'health');
    table.must(FACILITATOR, { type: 'session.start' });
    table.must(FACILITATOR, { type: 'clock.advance', minutes: 35 });
    expect(projectionFor(quiet, table.state, { kind: 'observer' }).health['checkout']).toBe('ok');
    table.must(FACILITATOR, { type: 'clock.advance', minutes: 10 });
    expect(projectionFor(quiet, table.state, { kind: 'observer' }).health['checkout']).toBe('degraded');
  });
});

describe('a page from noise', () => {
  it('is recorded as a false alarm after the fact, and the real one is not', async () => {
    const { Table, FACILITATOR } = await import('../testing/table.ts');
    const { incidentRecord } = await import('../incident/record.ts');
    const { asSessionId } = await import('../protocol/ids.ts');
    const telemetry = scenario.telemetry;
    if (!telemetry) throw new Error('no telemetry');
    // A line drawn too close to the error rate's usual noise: it fires long before the fault touches it.
    const noisy: Scenario = {
      ...scenario,
      telemetry: {
        ...telemetry,
        alerts: [
          ...telemetry.alerts,
          { id: 'too-tight', metric: 'errors', above: 0.65, for: 1, to: ['sre'], text: 'PAGE: errors above 0.65%' },
        ],
      },
    };
    const firing = alertsUpTo(noisy, 'noise', 45, never, false).find((f) => f.key === 'rule:too-tight');
    expect(firing?.minute ?? Infinity).toBeLessThan(40);
    const table = new Table(noisy, 'noise');
    table.must(FACILITATOR, { type: 'session.start' });
    table.must(FACILITATOR, { type: 'clock.advance', minutes: 45 });
    const pages = table.state.revealed.filter((r) => r.key.startsWith('alert:'));
    expect(pages.map((r) => r.key).sort()).toEqual(['alert:rule:errors-high', 'alert:rule:too-tight']);
    const record = incidentRecord(noisy, table.state, asSessionId('s'));
    expect(record.falseAlarms).toEqual([pages.find((r) => r.key === 'alert:rule:too-tight')?.at]);
    // Nothing a player sees says which page was noise: judging it is the game.
    expect(JSON.stringify(pages)).not.toMatch(/false/i);
  });
});
