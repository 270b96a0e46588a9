import type { Scenario } from '../scenario/schema.ts';
import type { SessionState } from '../session/state.ts';
import { alertsUpTo, type AlertFiring } from './alerts.ts';

/** The detection picture of a finished run, on the game clock. */
export interface DetectionStory {
  /** The fault's onset, and when users first felt it (the onset unless the scenario says later). */
  onset: number;
  impact: number;
  /** The team's detection, and what told them; null when they never detected it. */
  detected: { minute: number; source: string } | null;
  /** Every fixed rule's firing, and the dynamic baseline's first alert per metric whether or not this run had it switched on. */
  firings: AlertFiring[];
  /** The dynamic baseline's first alert, and how many minutes before the team's detection (negative: after) and before users felt it it came. */
  baseline: { minute: number; metric: string; leadMinutes: number | null; beforeImpact: number } | null;
}

/**
 * What could have told the team, and when: the debrief's one picture and the post-mortem's words
 * ("the baseline saw it 23 minutes before you did"). Computed over the whole run up to its last game
 * minute. Null for a scenario without telemetry. Pure.
 */
export function detectionStory(scenario: Scenario, state: SessionState): DetectionStory | null {
  if (!scenario.telemetry) return null;
  const upTo = state.game.context.clock;
  const recovered = (metric: { recovers: 'mitigated' | 'resolved' }) => state.milestones[metric.recovers]?.game ?? null;
  const firings = alertsUpTo(scenario, state.seed, upTo, recovered, true);
  const detected = state.milestones.detected
    ? { minute: state.milestones.detected.game, source: state.milestones.detected.source }
    : null;
  const first = firings.find((f) => f.kind === 'baseline');
  return {
    onset: scenario.fault.starts_at,
    impact: scenario.fault.impact_at ?? scenario.fault.starts_at,
    detected,
    firings,
    baseline: first
      ? {
          minute: first.minute,
          metric: first.metric,
          leadMinutes: detected ? detected.minute - first.minute : null,
          beforeImpact: (scenario.fault.impact_at ?? scenario.fault.starts_at) - first.minute,
        }
      : null,
  };
}
