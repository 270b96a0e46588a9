import { gameOf } from '../compile/game.ts';
import type { PlayerId } from '../protocol/ids.ts';
import type { Scenario } from '../scenario/schema.ts';
import { hotwashMe } from '../exercise/exercise-view.ts';
import { own } from '../session/own.ts';
import { phaseOf } from '../session/phase.ts';
import type { SessionState } from '../session/state.ts';
import type { PlayerMe } from './view.ts';

/**
 * What only `playerId` sees: their seat, their own role card (with its secrets), their vote, hand
 * and the facilitator's coaching to them. An unknown player id gets an empty seat. Pure; never throws.
 */
export function meFor(scenario: Scenario, state: SessionState, playerId: PlayerId): PlayerMe {
  const player = own(state.players, playerId);
  const role = player?.role ? gameOf(scenario).roles.get(player.role) : undefined;
  // In the lobby players choose freely, so a role's secrets wait until the facilitator briefs the table.
  const secrets = role && phaseOf(state) !== 'lobby' ? (role.secrets ?? []) : [];
  return {
    playerId,
    name: player?.name ?? '',
    role: role
      ? { id: role.id, name: role.name, brief: role.brief, secrets, canApplyChoices: role.can_apply_choices }
      : null,
    requestedRole: player?.requestedRole ?? null,
    vote: own(state.votes, playerId) ?? null,
    hand: player?.hand ?? false,
    coaching: state.coaching.filter((c) => c.playerId === playerId),
    ...withDefined('hotwash', hotwashMe(state, playerId)),
    audience: player?.audience === true,
    ready: player?.ready === true,
    claims: player?.claims ?? null,
  };
}

/**
 * Everything of the state that `meFor(…, playerId)` reads. Entries of two states that are the
 * same objects (states share what a command did not change) give the same `me`, so a server can
 * skip building and comparing it. Pure.
 */
export function meInputs(state: SessionState, playerId: PlayerId): readonly unknown[] {
  return [
    own(state.players, playerId),
    own(state.votes, playerId),
    state.coaching,
    phaseOf(state) === 'lobby',
    state.exercise?.hotwash,
  ];
}

/**
 * Everything of the state that `meFor` reads for any player: the records and lists `meInputs`
 * picks each player's entries from. When two states share all of it (most commands touch none of
 * it), every player's `me` is the same in both, and a server can skip looking at each. Pure.
 */
export function meBasis(state: SessionState): readonly unknown[] {
  return [state.players, state.votes, state.coaching, phaseOf(state) === 'lobby', state.exercise?.hotwash];
}

/** `{ [key]: value }`, or nothing when value is undefined: optional view fields stay absent, not undefined. */
function withDefined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
