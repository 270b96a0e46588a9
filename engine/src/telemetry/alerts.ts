import type { Scenario } from '../scenario/schema.ts';
import type { AlertRule, Metric } from '../scenario/telemetry-schema.ts';
import { createBaselineDetector, DEFAULT_DETECTOR_PARAMS } from './baseline-detector.ts';
import { seriesValues } from './series.ts';

/** When an alert went off: a fixed rule's page, or the dynamic baseline's predictive one. */
export interface AlertFiring {
  /** `rule:<id>` for a fixed rule, `baseline:<metric id>` for the dynamic baseline. */
  key: string;
  kind: 'threshold' | 'baseline';
  metric: string;
  /** The game minute it fired; before 0 when it was already firing as play began (it reaches the table then). */
  minute: number;
  to: string[];
  text: string;
}

/** Points the detector sees before it may speak: its warm-up, spent on the history before play. */
const BASELINE_WARMUP = DEFAULT_DETECTOR_PARAMS.warmup;

function ruleHolds(rule: AlertRule, value: number): boolean {
  return rule.above !== undefined ? value > rule.above : rule.below !== undefined && value < rule.below;
}

/** A metric's values, index 0 being game minute `start`. */
interface Series {
  start: number;
  values: Float64Array;
}

/** The first minute of the series at which `rule` had held for `rule.for` minutes in a row, or null. */
function firstFiring(rule: AlertRule, { start, values }: Series): number | null {
  let run = 0;
  for (let i = 0; i < values.length; i++) {
    run = ruleHolds(rule, values[i] as number) ? run + 1 : 0;
    if (run >= rule.for) return start + i;
  }
  return null;
}

/** The first minute the dynamic baseline scores an alert on `metric`, after its warm-up, or null. */
function baselineFiring({ start, values }: Series): number | null {
  const detector = createBaselineDetector();
  for (let i = 0; i < values.length; i++) {
    const score = detector.next(values[i] as number);
    if (i >= BASELINE_WARMUP && score >= DEFAULT_DETECTOR_PARAMS.alertScore) return start + i;
  }
  return null;
}

/** Who a metric's predictive page goes to: whoever its fixed rules page, else everyone. */
function routeOf(scenario: Scenario, metric: Metric): string[] {
  const roles = new Set((scenario.telemetry?.alerts ?? []).filter((r) => r.metric === metric.id).flatMap((r) => r.to));
  return [...roles];
}

/** Every alert up to game minute `horizon`, in firing order. */
function firingsUpTo(
  scenario: Scenario,
  seed: string,
  horizon: number,
  recovered: ReadonlyMap<string, number | null>,
  baseline: boolean,
): AlertFiring[] {
  const telemetry = scenario.telemetry;
  if (!telemetry) return [];
  const firings: AlertFiring[] = [];
  for (const metric of telemetry.metrics) {
    const rules = telemetry.alerts.filter((r) => r.metric === metric.id);
    // A metric no rule watches pages only through the baseline; without it, its series is never made.
    if (rules.length === 0 && !baseline) continue;
    const recoveredAt = recovered.get(metric.id) ?? null;
    const known = settled(scenario, seed, baseline, metric.id, recoveredAt);
    if (known) {
      firings.push(...known);
      continue;
    }
    const start = firings.length;
    const points = seriesValues(scenario, seed, metric, -telemetry.history, horizon, recoveredAt);
    for (const rule of rules) {
      const minute = firstFiring(rule, points);
      if (minute !== null)
        firings.push({
          key: `rule:${rule.id}`,
          kind: 'threshold',
          metric: metric.id,
          minute,
          to: rule.to,
          text: rule.text,
        });
    }
    if (baseline) {
      const minute = baselineFiring(points);
      if (minute !== null) {
        const text = `PREDICTIVE: ${metric.name} on ${metric.component} has left its usual range`;
        firings.push({
          key: `baseline:${metric.id}`,
          kind: 'baseline',
          metric: metric.id,
          minute,
          to: routeOf(scenario, metric),
          text,
        });
      }
    }
    const own = firings.slice(start);
    if (recoveredAt === null && own.length === rules.length + (baseline ? 1 : 0))
      settle(scenario, seed, baseline, metric.id, own);
  }
  return firings.sort((a, b) => a.minute - b.minute || a.key.localeCompare(b.key));
}

/**
 * A metric whose every alert has gone off without recovery, with those firings. A firing's minute
 * depends only on the points up to it, and recovery changes only the points after its minute, so
 * the same firings hold for any horizon and for recovery at or after the last of them: a session
 * that mitigates, or runs past the next block of minutes, does not make the series again.
 */
const settledCache = new WeakMap<Scenario, Map<string, AlertFiring[]>>();

function settled(
  scenario: Scenario,
  seed: string,
  baseline: boolean,
  metric: string,
  recoveredAt: number | null,
): AlertFiring[] | null {
  const known = settledCache.get(scenario)?.get(`${seed}|${baseline}|${metric}`);
  if (!known) return null;
  const last = Math.max(...known.map((f) => f.minute));
  return recoveredAt === null || recoveredAt >= last ? known : null;
}

function settle(scenario: Scenario, seed: string, baseline: boolean, metric: string, firings: AlertFiring[]): void {
  let bySeed = settledCache.get(scenario);
  if (!bySeed) settledCache.set(scenario, (bySeed = new Map()));
  if (bySeed.size > 1024) bySeed.clear();
  bySeed.set(`${seed}|${baseline}|${metric}`, firings);
}

// A session asks after every move of the clock; the answer changes only with the seed, the recovery
// minutes and the monitoring mode, so it is worked out once for those, up to a horizon a block of
// minutes ahead, and cut at the minute asked.
const HORIZON_BLOCK = 120;
const firingsCache = new WeakMap<Scenario, Map<string, AlertFiring[]>>();

/**
 * Every alert that has gone off by game minute `upTo`: each fixed rule once, at the minute it had
 * held long enough, and, with `baseline`, the dynamic baseline's first alert on each metric. Pure:
 * the same scenario, seed, recovery and minute give the same firings. No point after `upTo` changes
 * the answer: a firing's minute depends only on the points up to it (the rules count minutes in a
 * row, the detector streams), so firings over a longer stretch, cut at `upTo`, are the same.
 */
export function alertsUpTo(
  scenario: Scenario,
  seed: string,
  upTo: number,
  recoveredAt: (metric: Metric) => number | null,
  baseline: boolean,
): AlertFiring[] {
  const telemetry = scenario.telemetry;
  if (!telemetry) return [];
  const recovered = new Map(telemetry.metrics.map((m) => [m.id, recoveredAt(m)]));
  const horizon = Math.ceil((upTo + 1) / HORIZON_BLOCK) * HORIZON_BLOCK;
  const key = `${seed}|${baseline}|${horizon}|${[...recovered.values()].join(',')}`;
  let bySeed = firingsCache.get(scenario);
  if (!bySeed) firingsCache.set(scenario, (bySeed = new Map()));
  let all = bySeed.get(key);
  if (!all) {
    all = firingsUpTo(scenario, seed, horizon, recovered, baseline);
    if (bySeed.size > 256) bySeed.clear();
    bySeed.set(key, all);
  }
  return all.filter((f) => f.minute <= upTo);
}

/**
 * Which firings were false alarms: a page that went off while nothing was wrong with its metric (before
 * the fault's effect on it began, or on a metric the fault never touches). Noise crossing a fixed line
 * does this; the table had to judge it. Only the record says so, after the fact: a view never does,
 * since judging it is the game. Pure.
 */
export function falseAlarmKeys(scenario: Scenario, firings: readonly AlertFiring[]): Set<string> {
  const metrics = new Map((scenario.telemetry?.metrics ?? []).map((m) => [m.id, m]));
  const keys = new Set<string>();
  for (const firing of firings) {
    const effects = metrics.get(firing.metric)?.fault ?? [];
    const began = effects.length ? scenario.fault.starts_at + Math.min(...effects.map((e) => e.from)) : Infinity;
    if (firing.minute < began) keys.add(`alert:${firing.key}`);
  }
  return keys;
}
