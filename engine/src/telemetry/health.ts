import type { Health, Scenario } from '../scenario/schema.ts';
import type { SessionState } from '../session/state.ts';
import { metricSeries } from './series.ts';

const WORSE: Record<Health, number> = { ok: 0, degraded: 1, down: 2 };

/**
 * The system diagram's health with the telemetry laid over it: a component whose metric is past one
 * of its fixed alert lines at the current game minute shows at least degraded, so the diagram and the
 * dashboards tell one story. Never makes a component look better than the story says. Pure.
 */
export function healthWithTelemetry(
  scenario: Scenario,
  state: SessionState,
  health: Readonly<Record<string, Health>>,
): Readonly<Record<string, Health>> {
  const telemetry = scenario.telemetry;
  if (!telemetry || telemetry.alerts.length === 0) return health;
  const clock = state.game.context.clock;
  let merged: Record<string, Health> | null = null;
  for (const metric of telemetry.metrics) {
    const rules = telemetry.alerts.filter((r) => r.metric === metric.id);
    if (rules.length === 0) continue;
    const [point] = metricSeries(
      scenario,
      state.seed,
      metric,
      clock,
      clock,
      state.milestones[metric.recovers]?.game ?? null,
    );
    if (!point) continue;
    const past = rules.some((r) =>
      r.above !== undefined ? point.value > r.above : r.below !== undefined && point.value < r.below,
    );
    const current = (merged ?? health)[metric.component] ?? 'ok';
    if (past && WORSE[current] < WORSE.degraded) (merged ??= { ...health })[metric.component] = 'degraded';
  }
  // The same object when nothing changed, so a patch sees the field unchanged at a glance.
  return merged ?? health;
}
