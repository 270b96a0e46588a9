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
 * The baseline plus noise of one metric, before any fault: index 0 is minute `first`. Made as far as
 * asked and extended on demand, the metric's generator carried along, so a short session never pays
 * for the minutes it does not reach, a metric nothing reads is never made, and the points are the
 * same either way (each metric draws from its own generator, in minute order).
 */
interface Baseline {
  first: number;
  /** Points made so far. */
  length: number;
  /** Points that can exist: history, the timebox and the overrun. */
  count: number;
  values: Float64Array;
  rng: () => number;
}

/** Each seed's baselines, by metric id. */
const cache = new WeakMap<Scenario, Map<string, Map<string, Baseline>>>();

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

/**
 * Each metric's level, daily season and trend at every minute a series can reach: the part of a point
 * that no seed changes, worked out once per scenario instead of once per session.
 */
const shapes = new WeakMap<Metric, Float64Array>();

function shapeOf(scenario: Scenario, metric: Metric, first: number, count: number): Float64Array {
  const known = shapes.get(metric);
  if (known && known.length === count) return known;
  const dayStart = startOfDay(scenario);
  const { daily, trend } = metric.baseline;
  const level = levels(scenario, metric);
  const shape = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const minute = first + i;
    // Quietest at 04:00, busiest at 16:00: the shape of most user-facing traffic.
    const season = daily * Math.sin((2 * Math.PI * (dayStart + minute - 600)) / 1440);
    shape[i] = level.at(i) * (1 + season) + (trend * minute) / 60;
  }
  shapes.set(metric, shape);
  return shape;
}

function extend(scenario: Scenario, metric: Metric, made: Baseline, length: number): void {
  const shape = shapeOf(scenario, metric, made.first, made.count);
  const spread = metric.baseline.noise * Math.abs(levels(scenario, metric).mean);
  const points = new Float64Array(length);
  points.set(made.values.subarray(0, made.length));
  // The same sum, in the same order, as level, season and trend plus noise written out in one line.
  for (let i = made.length; i < length; i++) points[i] = (shape[i] as number) + spread * gaussian(made.rng);
  made.values = points;
  made.length = length;
}

function baseline(scenario: Scenario, seed: string, metric: Metric, upTo: number): Baseline {
  let bySeed = cache.get(scenario);
  if (!bySeed) cache.set(scenario, (bySeed = new Map()));
  let byMetric = bySeed.get(seed);
  if (!byMetric) {
    // Sessions of one scenario share their curves by seed; a few seeds at a time is the common case.
    if (bySeed.size > 64) bySeed.clear();
    bySeed.set(seed, (byMetric = new Map()));
  }
  let made = byMetric.get(metric.id);
  if (!made) {
    const first = -(scenario.telemetry?.history ?? 0);
    made = {
      first,
      length: 0,
      count: scenario.clock.timebox + OVERRUN - first + 1,
      values: new Float64Array(0),
      rng: seedrandom(`${seed}:telemetry:${metric.id}`),
    };
    byMetric.set(metric.id, made);
  }
  const wanted = Math.min(made.count, Math.ceil((upTo - made.first + 1) / BLOCK) * BLOCK);
  if (wanted > made.length) extend(scenario, metric, made, wanted);
  return made;
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
 * The metric's values from minute `start` on (`from` to `to`, both included, clipped to what exists),
 * with the fault's effect faded out from `recoveredAt` (the game minute its `recovers` milestone was
 * reached) over the metric's `recovery` minutes. Numbers, not points, for callers that scan a series
 * many times a session (the alert rules). Pure.
 */
export function seriesValues(
  scenario: Scenario,
  seed: string,
  metric: Metric,
  from: number,
  to: number,
  recoveredAt: number | null,
): { start: number; values: Float64Array } {
  if (!(scenario.telemetry?.metrics ?? []).some((m) => m.id === metric.id))
    return { start: from, values: new Float64Array(0) };
  const { first, values: base, length } = baseline(scenario, seed, metric, to);
  const start = Math.max(from, first);
  const end = Math.min(to, first + length - 1);
  const onset = scenario.fault.starts_at;
  const values = new Float64Array(Math.max(0, end - start + 1));
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
    values[minute - start] = Math.round(value * 1000) / 1000;
  }
  return { start, values };
}

/** The metric's points from `from` to `to`, as `seriesValues` computes them. Pure. */
export function metricSeries(
  scenario: Scenario,
  seed: string,
  metric: Metric,
  from: number,
  to: number,
  recoveredAt: number | null,
): { minute: number; value: number }[] {
  const { start, values } = seriesValues(scenario, seed, metric, from, to, recoveredAt);
  return Array.from(values, (value, i) => ({ minute: start + i, value }));
}
