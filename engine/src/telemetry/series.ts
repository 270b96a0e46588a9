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

/** The baseline plus noise of every metric, before any fault, by metric id: index 0 is minute `first`. */
interface Baselines {
  first: number;
  values: ReadonlyMap<string, Float64Array>;
}

const cache = new WeakMap<Scenario, Map<string, Baselines>>();

function gaussian(rng: () => number): number {
  // Box–Muller; 1 - rng() is in (0, 1], so the log is finite.
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

function minuteOfDay(scenario: Scenario, minute: number): number {
  const [h = 0, m = 0] = scenario.clock.start.split(':').map(Number);
  return h * 60 + m + minute;
}

function baselines(scenario: Scenario, seed: string): Baselines {
  let bySeed = cache.get(scenario);
  if (!bySeed) cache.set(scenario, (bySeed = new Map()));
  const known = bySeed.get(seed);
  if (known) return known;
  const telemetry = scenario.telemetry;
  const first = -(telemetry?.history ?? 0);
  const count = scenario.clock.timebox + OVERRUN - first + 1;
  const values = new Map<string, Float64Array>();
  for (const metric of telemetry?.metrics ?? []) {
    const { daily, noise, trend } = metric.baseline;
    const level = levels(scenario, metric);
    const scale = Math.abs(level.mean);
    const rng = seedrandom(`${seed}:telemetry:${metric.id}`);
    const points = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const minute = first + i;
      // Quietest at 04:00, busiest at 16:00: the shape of most user-facing traffic.
      const season = daily * Math.sin((2 * Math.PI * (minuteOfDay(scenario, minute) - 600)) / 1440);
      points[i] = level.at(i) * (1 + season) + (trend * minute) / 60 + noise * scale * gaussian(rng);
    }
    values.set(metric.id, points);
  }
  const made = { first, values };
  // Sessions of one scenario share its curves by seed; a few seeds at a time is the common case.
  if (bySeed.size > 64) bySeed.clear();
  bySeed.set(seed, made);
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
  const { first, values } = baselines(scenario, seed);
  const base = values.get(metric.id);
  if (!base) return [];
  const start = Math.max(from, first);
  const end = Math.min(to, first + base.length - 1);
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
