import { z } from 'zod';
import { userText } from '../../protocol/command-fields.ts';
import { playerIdSchema, roleIdSchema, type PlayerId } from '../../protocol/ids.ts';
import { BEFORE_DEBRIEF, NOT_ENDED, defineCommand } from '../command-definition.ts';
import { append, note, now, type Draft } from '../draft.ts';
import type { StepError } from '../errors.ts';
import { sendingPlayer, syncRoles } from '../roles.ts';
import { own } from '../own.ts';
import type { Role } from '../../scenario/schema.ts';
import type { Player } from '../state.ts';

/** Who sits at the table and in which role, and the facilitator's private word to one of them. */

/** The player `playerId` if they are still at the session (seated or watching), else why not. */
export function seated(draft: Draft, playerId: PlayerId): Player | StepError {
  const player = own(draft.state.players, playerId);
  return player && !player.removed
    ? player
    : { code: 'not-found', message: `There is no player '${playerId}' at the table.` };
}

/** Written by the server when someone joins with the join code. */
export const playerJoin = defineCommand('player.join', {
  payload: { playerId: playerIdSchema, name: userText(40) },
  senders: 'system',
  phases: BEFORE_DEBRIEF,
  handle: (draft, command) => {
    if (own(draft.state.players, command.playerId))
      return { code: 'unavailable', message: `Player '${command.playerId}' has already joined.` };
    const watching = tableClosed(draft);
    const player: Player = {
      id: command.playerId,
      name: command.name,
      role: null,
      hand: false,
      removed: false,
      joinedAt: draft.entry.at,
      requestedRole: null,
      ...(watching ? { audience: true as const } : {}),
    };
    draft.state.players = { ...draft.state.players, [command.playerId]: player };
    note(
      draft,
      'player',
      `${command.name} ${watching ? `joined to watch (${watching})` : 'joined'}`,
      'all',
      command.name,
    );
  },
});

/** Why a newcomer would watch rather than sit at the table, or null when there is room. */
function tableClosed(draft: Draft): string | null {
  const { locked, cap } = draft.state.table;
  if (locked) return 'joining is locked';
  if (cap === null) return null;
  const sitting = Object.values(draft.state.players).filter((p) => !p.removed && !p.audience).length;
  return sitting >= cap ? `the table is full at ${cap}` : null;
}

/** Seats a player in a role (or none), at any time before the session ends; someone watching joins the table. */
export const playerAssign = defineCommand('player.assign', {
  payload: { playerId: playerIdSchema, role: roleIdSchema.nullable() },
  senders: 'facilitator',
  phases: NOT_ENDED,
  handle: (draft, command) => {
    const player = seated(draft, command.playerId);
    if (!('id' in player)) return player;
    if (command.role !== null && !draft.game.roles.has(command.role)) {
      return { code: 'not-found', message: `There is no role '${command.role}' in this scenario.` };
    }
    const { audience: _watching, ...atTable } = player;
    draft.state.players = {
      ...draft.state.players,
      [player.id]: { ...atTable, role: command.role, requestedRole: null },
    };
    note(
      draft,
      'player',
      `${player.name} is now ${command.role ? draft.game.roles.get(command.role)?.name : 'without a role'}`,
    );
    syncRoles(draft);
  },
});

export const playerRemove = defineCommand('player.remove', {
  payload: { playerId: playerIdSchema },
  senders: 'facilitator',
  phases: NOT_ENDED,
  handle: (draft, command) => {
    const player = seated(draft, command.playerId);
    if (!('id' in player)) return player;
    draft.state.players = {
      ...draft.state.players,
      [player.id]: { ...player, removed: true, hand: false, requestedRole: null },
    };
    const { [player.id]: _dropped, ...votes } = draft.state.votes;
    draft.state.votes = votes;
    note(draft, 'player', `${player.name} left the table`);
    syncRoles(draft);
  },
});

function roleNamed(draft: Draft, roleId: string): Role | StepError {
  const role = draft.game.roles.get(roleId);
  return (
    role ?? {
      code: 'not-found',
      message: `There is no role '${roleId}'. Roles: ${[...draft.game.roles.keys()].join(', ')}.`,
    }
  );
}

/** In the lobby: sit in a role. Its secrets reach the player once the facilitator briefs the table. */
export const roleTake = defineCommand('role.take', {
  payload: { role: roleIdSchema },
  senders: 'player',
  // Once briefed, players hold their role's secrets: a change of seat is the facilitator's to make.
  phases: ['lobby'],
  handle: (draft, command) => {
    const role = roleNamed(draft, command.role);
    if (!('id' in role)) return role;
    const player = sendingPlayer(draft);
    if (player.role === command.role) return { code: 'unavailable', message: `You are already the ${role.name}.` };
    draft.state.players = {
      ...draft.state.players,
      [player.id]: { ...player, role: command.role, requestedRole: null },
    };
    note(draft, 'player', `${player.name} takes the role of ${role.name}`);
    syncRoles(draft);
  },
});

/** From the briefing on, a role changes only by the facilitator's hand: this asks for one. */
export const roleRequest = defineCommand('role.request', {
  payload: { role: roleIdSchema },
  senders: 'player',
  phases: ['briefing', 'running', 'paused'],
  handle: (draft, command) => {
    const role = roleNamed(draft, command.role);
    if (!('id' in role)) return role;
    const player = sendingPlayer(draft);
    if (player.role === command.role) return { code: 'unavailable', message: `You are already the ${role.name}.` };
    if (player.requestedRole === command.role) {
      return {
        code: 'unavailable',
        message: `You have already asked to be the ${role.name}; the facilitator will answer.`,
      };
    }
    draft.state.players = { ...draft.state.players, [player.id]: { ...player, requestedRole: command.role } };
    note(draft, 'player', `${player.name} asks to be the ${role.name}`, 'facilitator');
  },
});

/** Turns down a player's request for another role (granting it is `player.assign`). */
export const roleDecline = defineCommand('role.decline', {
  payload: { playerId: playerIdSchema },
  senders: 'facilitator',
  phases: NOT_ENDED,
  handle: (draft, command) => {
    const player = seated(draft, command.playerId);
    if (!('id' in player)) return player;
    if (player.requestedRole === null)
      return { code: 'unavailable', message: `${player.name} has not asked for another role.` };
    draft.state.players = { ...draft.state.players, [player.id]: { ...player, requestedRole: null } };
    note(draft, 'player', `${player.name} keeps their seat for now`, 'facilitator');
  },
});

export const handRaise = defineCommand('hand.raise', {
  payload: { raised: z.boolean() },
  senders: 'player',
  // Someone watching raises a hand to ask for a seat at the table.
  audience: true,
  phases: NOT_ENDED,
  handle: (draft, command) => {
    const player = sendingPlayer(draft);
    if (player.hand === command.raised) return;
    draft.state.players = { ...draft.state.players, [player.id]: { ...player, hand: command.raised } };
    if (command.raised) note(draft, 'player', `${player.name} raised a hand`, 'facilitator');
  },
});

export const coach = defineCommand('coach', {
  payload: { playerId: playerIdSchema, text: userText(2000) },
  senders: 'facilitator',
  phases: NOT_ENDED,
  handle: (draft, command) => {
    const player = seated(draft, command.playerId);
    if (!('id' in player)) return player;
    append(draft, 'coaching', { seq: draft.entry.seq, playerId: command.playerId, text: command.text, at: now(draft) });
  },
});
