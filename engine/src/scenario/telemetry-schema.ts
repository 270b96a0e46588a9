import { z } from 'zod';

/**
 * The `telemetry` block of a scenario: per component, the metrics a team can watch, each with a
 * baseline and the fault's effect on it, and the fixed alert rules that page a role. The engine
 * makes every point from these and the session's seed (engine/src/telemetry), one per game minute.
 */

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'an id is lower-case letters, digits, "-" or "_", starting with a letter');
const minutes = z.number().int().min(-10_000).max(10_000);
const duration = z.number().int().min(0).max(10_000);
const amount = z.number().min(-1e12).max(1e12);

/** How the fault bends a metric: a step up, a ramp to a new level, a spike, a slow drift that goes on, or a flatline. */
export const FAULT_SHAPES = ['step', 'ramp', 'spike', 'drift', 'flatline'] as const;
export type FaultShape = (typeof FAULT_SHAPES)[number];

export const metricEffectSchema = z.strictObject({
  shape: z.enum(FAULT_SHAPES),
  /** Game minutes after the fault's onset (negative: before it; a change before users feel anything is what a predictive alert can catch). */
  from: minutes.default(0),
  /** How far the metric moves, in its unit (step, ramp, spike, drift); a flatline holds the value it had at `from`. */
  size: amount.optional(),
  /** Minutes a ramp takes to reach `size`, a spike lasts, or a drift takes to move by `size` (and it goes on). */
  over: z.number().int().min(1).max(10_000).optional(),
});
export type MetricEffect = z.infer<typeof metricEffectSchema>;

export const metricSchema = z.strictObject({
  id,
  component: id,
  name: z.string().min(1).max(100),
  unit: z.string().min(1).max(20),
  baseline: z.strictObject({
    /** The metric's usual value. Give this or `csv`. */
    level: amount.optional(),
    /**
     * A file beside the scenario, `timestamp,value` with a header line (an export of your own metric):
     * its values in file order make the baseline, one per game minute from the first minute of
     * history, starting over after the last row. Timestamps are not read for spacing. Give this or `level`.
     */
    csv: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.csv$/, 'a CSV file name beside the scenario, such as "latency.csv"')
      .optional(),
    /** Daily seasonality: the swing around the level over a day, as a fraction of it (0.3 = ±30%). */
    daily: z.number().min(0).max(1).default(0),
    /** Noise: the standard deviation of each point, as a fraction of the level (a CSV's: its mean). */
    noise: z.number().min(0).max(10).default(0.02),
    /** Trend: how much the level moves per hour, in the metric's unit. */
    trend: amount.default(0),
  }),
  /** Bounds no point crosses (an error rate stays in 0–100, say). */
  min: amount.optional(),
  max: amount.optional(),
  fault: z.array(metricEffectSchema).max(10).optional(),
  /** The milestone from which the fault's effect fades away, over `recovery` minutes. */
  recovers: z.enum(['mitigated', 'resolved']).default('mitigated'),
  recovery: duration.default(5),
});
export type Metric = z.infer<typeof metricSchema>;

export const alertRuleSchema = z.strictObject({
  id,
  metric: id,
  /** Fires when the metric stays above (or below) this for `for` minutes in a row; give exactly one. */
  above: amount.optional(),
  below: amount.optional(),
  for: z.number().int().min(1).max(600).default(3),
  /** The roles the page goes to. */
  to: z.array(id).min(1).max(20),
  /** The page's text. */
  text: z.string().min(1).max(4000),
});
export type AlertRule = z.infer<typeof alertRuleSchema>;

export const telemetrySchema = z.strictObject({
  /** Minutes of data before the session's clock starts, so charts and the baseline have a past. */
  history: z.number().int().min(0).max(1440).default(120),
  metrics: z.array(metricSchema).min(1).max(30),
  alerts: z.array(alertRuleSchema).max(30).default([]),
});
export type Telemetry = z.infer<typeof telemetrySchema>;
