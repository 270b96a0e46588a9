import type { Game } from '../compile/game.ts';
import { clockLabel } from './phase.ts';
import type { Draft } from './draft.ts';
import type { Declaration, DeclaredSource, Player, SessionState } from './state.ts';
import type { StepError } from './errors.ts';

/**
 * The rules a session plays by, so a change of rules never changes how an old log replays. A new
 * session logs `session.rules` with CURRENT_RULES as its first step; a log without that step plays
 * by rules 1.
 * - 1: any player's declared incident sets `detected` at once; declared mitigation and resolution
 *   wait for the facilitator.
 * - 2: a declaration waits for the facilitator, who confirms (at its minute or another, with its
 *   source or another) or rejects it, unless the scenario's incident commander made it.
 */
export const CURRENT_RULES = 2;

/** The milestone each kind of declaration stands for. */
export const MILESTONE_OF = { incident: 'detected', mitigated: 'mitigated', resolved: 'resolved' } as const;

/** How a declared source counts in the metrics: an alert or a dashboard is monitoring. */
export const DETECTION_OF = {
  alert: 'monitoring',
  dashboard: 'monitoring',
  customer: 'customer',
  other: 'team',
} as const;

/** Whether the session's log opted into the facilitator's confirmation (rules 2 or later). */
export const confirmsDeclarations = (state: SessionState): boolean => state.rules >= 2;

/** Whether `player` sits in the role the scenario names as incident commander. */
export function isCommander(game: Game, player: Player): boolean {
  return player.role !== null && game.roles.get(player.role)?.commander === true;
}

/** "an incident", "mitigated", "resolved": how the timeline names a declaration. */
export const declared = (kind: Declaration['kind']): string => (kind === 'incident' ? 'an incident' : kind);

/** "02:14" on the scenario's clock. */
export const clockAt = (draft: Draft, minute: number): string => clockLabel(draft.game.scenario.clock.start, minute);

/**
 * Checks that an alert named as a declaration's source is a page revealed to the table (to `role`
 * when given: a player can only have been told by a page they saw). Null when it is.
 */
export function checkAlert(
  state: SessionState,
  told: { source?: DeclaredSource | undefined; alert?: string | undefined },
  role?: string | null,
): StepError | null {
  if (told.alert === undefined) return null;
  if (told.source !== 'alert')
    return { code: 'invalid', message: `Name an alert only with the source 'alert', not '${told.source ?? 'none'}'.` };
  const seen = state.revealed.some(
    (r) =>
      r.key === told.alert &&
      r.page &&
      (role === undefined || r.to === null || (role !== null && (r.to as readonly string[]).includes(role))),
  );
  return seen
    ? null
    : { code: 'not-found', message: `There is no page '${told.alert}' that told you; name one you received.` };
}
