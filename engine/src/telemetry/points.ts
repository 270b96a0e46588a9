import type { Scenario } from '../scenario/schema.ts';
import type { SessionState } from '../session/state.ts';
import { detectionStory, type DetectionStory } from './detection-story.ts';
import { metricSeries } from './series.ts';

/** One metric as a dashboard draws it: what it is, its fixed alert lines, and its points `[minute, value]`. */
export interface MetricPoints {
  id: string;
  component: string;
  name: string;
  unit: string;
  /** The fixed alert rules on this metric, to draw as lines. */
  thresholds: { id: string; above: number | null; below: number | null }[];
  points: [number, number][];
}

/** What `telemetry` answers: every metric's points from the minute asked for up to `upTo`, the current game minute. */
export interface TelemetryPoints {
  upTo: number;
  /** Once the session is in its debrief: what could have told the team, and when (see detectionStory). */
  story: DetectionStory | null;
  /** The first minute a series has (minutes of history before play). */
  first: number;
  metrics: MetricPoints[];
}

/**
 * The session's telemetry from game minute `from` to the current one, never later: a point after
 * the current game minute must not leave the server (it would tell the table the future). Null for
 * a scenario without telemetry. Pure.
 */
export function telemetryPoints(scenario: Scenario, state: SessionState, from: number): TelemetryPoints | null {
  const telemetry = scenario.telemetry;
  if (!telemetry) return null;
  const upTo = state.game.context.clock;
  const metrics = telemetry.metrics.map((metric) => {
    const recoveredAt = state.milestones[metric.recovers]?.game ?? null;
    return {
      id: metric.id,
      component: metric.component,
      name: metric.name,
      unit: metric.unit,
      thresholds: telemetry.alerts
        .filter((r) => r.metric === metric.id)
        .map((r) => ({ id: r.id, above: r.above ?? null, below: r.below ?? null })),
      points: metricSeries(scenario, state.seed, metric, from, upTo, recoveredAt).map((p): [number, number] => [
        p.minute,
        p.value,
      ]),
    };
  });
  const debriefing = state.endedAt !== null;
  return { upTo, first: -telemetry.history, metrics, story: debriefing ? detectionStory(scenario, state) : null };
}
