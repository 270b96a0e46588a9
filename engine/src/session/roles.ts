import type { Draft } from './draft.ts';
import { own } from './own.ts';
import { send } from './send.ts';
import type { Player } from './state.ts';

/** Tells the machine which roles have a player, for `role_present` conditions and role modifiers. */
export function syncRoles(draft: Draft): void {
  const present = [
    ...new Set(
      Object.values(draft.state.players)
        .filter((p) => !p.removed && p.role)
        .map((p) => p.role as string),
    ),
  ].sort();
  const current = draft.state.game.context.rolesPresent;
  if (present.length === current.length && present.every((r, i) => r === current[i])) return;
  send(draft, { type: 'ROLES', present });
}

/** The seated player who sent the command. Player commands reach handlers only from a seated player. */
export function sendingPlayer(draft: Draft): Player {
  const actor = draft.entry.actor;
  const player = actor.kind === 'player' ? own(draft.state.players, actor.playerId) : undefined;
  if (!player) throw new Error('player handlers run only for a seated player');
  return player;
}
