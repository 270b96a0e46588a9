import { z } from 'zod';
import { playerIdSchema } from '../../protocol/ids.ts';
import { BEFORE_DEBRIEF, NOT_ENDED, defineCommand } from '../command-definition.ts';
import { note } from '../draft.ts';
import { SESSION_LIMITS } from '../limits.ts';
import { namesakes } from '../namesakes.ts';
import { own } from '../own.ts';
import { sendingPlayer, syncRoles } from '../roles.ts';
import type { Player, TableSettings } from '../state.ts';
import { seated } from './table.ts';

/** Who may join, who is ready, and a player who comes back on another device. */

function describe(change: Partial<TableSettings>): string[] {
  const lines: string[] = [];
  if (change.locked !== undefined)
    lines.push(change.locked ? 'Joining locked: newcomers watch as audience' : 'Joining open');
  if (change.cap !== undefined)
    lines.push(change.cap === null ? 'No cap on the table' : `The table seats at most ${change.cap} players`);
  if (change.autoPause !== undefined)
    lines.push(
      change.autoPause
        ? 'The game pauses by itself if the facilitator drops'
        : 'The game runs on if the facilitator drops',
    );
  return lines;
}

/** Locks joining, caps the table, or sets auto-pause; what is left out stays as it was. */
export const tableConfigure = defineCommand('table.configure', {
  payload: {
    locked: z.boolean().optional(),
    cap: z.number().int().min(1).max(SESSION_LIMITS.players).nullable().optional(),
    autoPause: z.boolean().optional(),
  },
  senders: 'facilitator',
  phases: NOT_ENDED,
  handle: (draft, command) => {
    const table = draft.state.table;
    const change: Partial<TableSettings> = {};
    if (command.locked !== undefined && command.locked !== table.locked) change.locked = command.locked;
    if (command.cap !== undefined && command.cap !== table.cap) change.cap = command.cap;
    if (command.autoPause !== undefined && command.autoPause !== table.autoPause) change.autoPause = command.autoPause;
    const lines = describe(change);
    if (lines.length === 0) return { code: 'unavailable', message: 'The table is already set that way.' };
    draft.state.table = { ...table, ...change };
    for (const line of lines) note(draft, 'player', line, 'facilitator');
  },
});

/** During the briefing: the player has read their card (or takes it back). */
export const playerReady = defineCommand('player.ready', {
  payload: { ready: z.boolean() },
  senders: 'player',
  phases: ['briefing'],
  handle: (draft, command) => {
    const player = sendingPlayer(draft);
    if ((player.ready === true) === command.ready) return;
    const { ready: _was, ...rest } = player;
    const next: Player = command.ready ? { ...rest, ready: true } : rest;
    draft.state.players = { ...draft.state.players, [player.id]: next };
  },
});

/**
 * A player who joined again (another device, a reload elsewhere) says which seat was theirs. Only a
 * namesake's seat can be claimed, and only the facilitator gives it back (`seat.answer`).
 */
export const seatClaim = defineCommand('seat.claim', {
  payload: { playerId: playerIdSchema },
  senders: 'player',
  audience: true,
  phases: BEFORE_DEBRIEF,
  handle: (draft, command) => {
    const me = sendingPlayer(draft);
    const target = seated(draft, command.playerId);
    if (!('id' in target)) return target;
    if (target.id === me.id) return { code: 'invalid', message: 'That seat is already yours.' };
    if (!namesakes(me.name, target.name)) {
      return {
        code: 'forbidden',
        message: `You joined as ${me.name}: only a seat under that name can be yours, not ${target.name}'s.`,
      };
    }
    if (me.claims === target.id)
      return {
        code: 'unavailable',
        message: `You already asked for ${target.name}'s seat; the facilitator will answer.`,
      };
    draft.state.players = { ...draft.state.players, [me.id]: { ...me, claims: target.id } };
    note(draft, 'player', `${me.name} says they are ${target.name} on another device`, 'facilitator');
  },
});

/**
 * The facilitator's answer to a claim. Giving the seat back removes the claimant's new seat: the
 * server then moves that device into the claimed seat and closes the seat's old device.
 */
export const seatAnswer = defineCommand('seat.answer', {
  payload: { playerId: playerIdSchema, give: z.boolean() },
  senders: 'facilitator',
  phases: NOT_ENDED,
  handle: (draft, command) => {
    const claimant = seated(draft, command.playerId);
    if (!('id' in claimant)) return claimant;
    const { claims, ...rest } = claimant;
    if (claims === undefined) return { code: 'unavailable', message: `${claimant.name} has not claimed a seat.` };
    const target = own(draft.state.players, claims);
    if (command.give && (!target || target.removed)) {
      return {
        code: 'unavailable',
        message: `${target?.name ?? 'That player'} has left the table: seat ${claimant.name} in a role instead.`,
      };
    }
    if (!command.give || !target) {
      draft.state.players = { ...draft.state.players, [claimant.id]: rest };
      note(draft, 'player', `${claimant.name} keeps a seat of their own`, 'facilitator');
      return;
    }
    draft.state.players = { ...draft.state.players, [claimant.id]: { ...rest, removed: true, hand: false } };
    const { [claimant.id]: _vote, ...votes } = draft.state.votes;
    draft.state.votes = votes;
    note(draft, 'player', `${target.name} is back, on another device`);
    syncRoles(draft);
  },
});
