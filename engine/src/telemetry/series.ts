import seedrandom from 'seedrandom';
import type { Scenario } from '../scenario/schema.ts';
import type { Metric, MetricEffect } from '../scenario/telemetry-schema.ts';

/**
 * A scenario's telemetry as numbers: one point per game minute for every metric, from
 * `-telemetry.history` to the timebox. Pure and deterministic: the noise comes from seedrandom
 * seeded with the session seed and the metric's id (as the dice are), drawn in minute order, so
 * the same seed gives the same curves on every machine and one metric never moves another.
 *
 * A point depends only on the seed, the scenario and when the team mitigated (the fault's effect
 * fades from then on): never on a later minute, so the part of a series a viewer may see is
 * fixed once its minute has passed.
 */

/** Minutes past the timebox that are generated too, for a session run over its time. */
const OVERRUN = 240;

/**
 * The baseline plus noise of every metric, before any fault, by metric id: index 0 is minute `first`.
 * Made as far as asked and extended on demand, each metric's generator carried along, so a short
 * session never pays for the minutes it does not reach and the points are the same either way.
 */
interface Baselines {
  first: number;
  /** Points made so far, per metric; `length` of each. */
  length: number;
  /** Points that can exist: history, the timebox and the overrun. */
  count: number;
  values: Map<string, Float64Array>;
  rngs: Map<string, () => number>;
}

const cache = new WeakMap<Scenario, Map<string, Baselines>>();

function gaussian(rng: () => number): number {
  // Box–Muller; 1 - rng() is in (0, 1], so the log is finite.
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** The minute of the day the scenario's clock starts at (read once per series, not once per point). */
function startOfDay(scenario: Scenario): number {
  const [h = 0, m = 0] = scenario.clock.start.split(':').map(Number);
  return h * 60 + m;
}

/** Points are made in blocks, so a session moving minute by minute extends them rarely. */
const BLOCK = 120;

function extend(scenario: Scenario, made: Baselines, length: number): void {
  const dayStart = startOfDay(scenario);
  for (const metric of scenario.telemetry?.metrics ?? []) {
    const { daily, noise, trend } = metric.baseline;
    const level = levels(scenario, metric);
    const scale = Math.abs(level.mean);
    const rng = made.rngs.get(metric.id) as () => number;
    const points = new Float64Array(length);
    points.set(made.values.get(metric.id) as Float64Array);
    for (let i = made.length; i < length; i++) {
      const minute = made.first + i;
      // Quietest at 04:00, busiest at 16:00: the shape of most user-facing traffic.
      const season = daily * Math.sin((2 * Math.PI * (dayStart + minute - 600)) / 1440);
      points[i] = level.at(i) * (1 + season) + (trend * minute) / 60 + noise * scale * gaussian(rng);
    }
    made.values.set(metric.id, points);
  }
  made.length = length;
}

function baselines(scenario: Scenario, seed: string, upTo: number): Baselines {
  let bySeed = cache.get(scenario);
  if (!bySeed) cache.set(scenario, (bySeed = new Map()));
  let made = bySeed.get(seed);
  if (!made) {
    const metrics = scenario.telemetry?.metrics ?? [];
    const first = -(scenario.telemetry?.history ?? 0);
    made = {
      first,
      length: 0,
      count: scenario.clock.timebox + OVERRUN - first + 1,
      values: new Map(metrics.map((m) => [m.id, new Float64Array(0)])),
      rngs: new Map(metrics.map((m) => [m.id, seedrandom(`${seed}:telemetry:${m.id}`)])),
    };
    // Sessions of one scenario share its curves by seed; a few seeds at a time is the common case.
    if (bySeed.size > 64) bySeed.clear();
    bySeed.set(seed, made);
  }
  const wanted = Math.min(made.count, Math.ceil((upTo - made.first + 1) / BLOCK) * BLOCK);
  if (wanted > made.length) extend(scenario, made, wanted);
  return made;
}

/**
 * The metric's level at index `i` of its series (minute `-history + i`): its fixed `level`, or its
 * CSV's values in file order, one per minute, starting over after the last row. `mean` scales noise.
 */
function levels(scenario: Scenario, metric: Metric): { at: (i: number) => number; mean: number } {
  const csv = metric.baseline.csv;
  const values = csv === undefined ? undefined : scenario.series?.[csv];
  if (!values?.length) {
    const level = metric.baseline.level ?? 0;
    return { at: () => level, mean: level };
  }
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return { at: (i) => values[i % values.length] as number, mean };
}

/** How far `effect` moves the metric at `minute`, `t` minutes after the effect began; null for a flatline (which holds a value instead). */
function offset(effect: MetricEffect, t: number): number | null {
  if (effect.shape === 'flatline') return null;
  const size = effect.size ?? 0;
  const over = effect.over ?? 1;
  if (t < 0) return 0;
  switch (effect.shape) {
    case 'step':
      return size;
    case 'ramp':
      return size * Math.min(1, t / over);
    case 'spike':
      return t < over ? size : 0;
    case 'drift':
      return (size * t) / over;
    default:
      return effect.shape satisfies never;
  }
}

/**
 * The metric's points from `from` to `to` (game minutes, both included, clipped to what exists), with
 * the fault's effect faded out from `recoveredAt` (the game minute its `recovers` milestone was
 * reached) over the metric's `recovery` minutes. Pure.
 */
export function metricSeries(
  scenario: Scenario,
  seed: string,
  metric: Metric,
  from: number,
  to: number,
  recoveredAt: number | null,
): { minute: number; value: number }[] {
  const { first, values, length } = baselines(scenario, seed, to);
  const base = values.get(metric.id);
  if (!base) return [];
  const start = Math.max(from, first);
  const end = Math.min(to, first + length - 1);
  const onset = scenario.fault.starts_at;
  const points: { minute: number; value: number }[] = [];
  for (let minute = start; minute <= end; minute++) {
    const fade =
      recoveredAt === null || minute <= recoveredAt
        ? 1
        : Math.max(0, 1 - (minute - recoveredAt) / Math.max(1, metric.recovery));
    let value = base[minute - first] as number;
    for (const effect of metric.fault ?? []) {
      const began = onset + effect.from;
      const moved = offset(effect, minute - began);
      if (moved !== null) value += moved * fade;
      else if (minute >= began && fade > 0)
        value = (base[Math.max(0, began - first)] as number) * fade + value * (1 - fade);
    }
    if (metric.min !== undefined) value = Math.max(metric.min, value);
    if (metric.max !== undefined) value = Math.min(metric.max, value);
    points.push({ minute, value: Math.round(value * 1000) / 1000 });
  }
  return points;
}
