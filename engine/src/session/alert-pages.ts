import { alertsUpTo } from '../telemetry/alerts.ts';
import type { RoleId } from '../protocol/ids.ts';
import { append, markMilestone, note, now, type Draft } from './draft.ts';
import { clockLabel, phaseOf } from './phase.ts';

/**
 * Pages the table with every alert that has gone off by the current game minute and has not paged
 * yet: the scenario's fixed rules always, the dynamic baseline's predictive alerts when the session's
 * monitoring includes it. They reach the table through the inject path (revealed, on the timeline,
 * acknowledged like any page).
 *
 * This stays outside the machine on purpose: a firing depends on the telemetry series, made from the
 * session's seed and the minute mitigation began, which the machine's context does not hold, and on
 * running the detector over the series, which is no guard's business.
 */
export function pageAlerts(draft: Draft): void {
  const { scenario } = draft.game;
  if (!scenario.telemetry) return;
  const phase = phaseOf(draft.state);
  if (phase !== 'running' && phase !== 'paused') return;
  const { state } = draft;
  const clock = state.game.context.clock;
  const recovered = (metric: { recovers: 'mitigated' | 'resolved' }) => state.milestones[metric.recovers]?.game ?? null;
  for (const firing of alertsUpTo(scenario, state.seed, clock, recovered, state.monitoring === 'thresholds+baseline')) {
    const key = `alert:${firing.key}`;
    if (draft.state.revealed.some((r) => r.key === key)) continue;
    const since = firing.minute < clock ? ` (firing since ${clockLabel(scenario.clock.start, firing.minute)})` : '';
    const text = `${firing.text}${since}`;
    const to = firing.to.length > 0 ? (firing.to as RoleId[]) : null;
    append(draft, 'revealed', { key, injectId: null, text, to, page: true, at: now(draft), acknowledgedBy: [] });
    note(
      draft,
      'page',
      text,
      to ? { roles: to } : 'all',
      firing.kind === 'baseline' ? 'Dynamic baseline' : 'Monitoring',
    );
    markMilestone(draft, 'firstPage', 'page');
  }
}
