import { asPlayerId, type LoggedCommand, type PlayerId, type SessionState } from '@chaos-quest/engine';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { HubContext } from './hub-context.ts';
import type { LiveSession } from './live-session.ts';

/**
 * What an accepted command did to seats, carried out where tokens live. A seat the facilitator gave
 * back (`seat.answer`) moves to the claimant's device before anyone sees the change: that device gets
 * the seat's new token over its socket, and the seat's old device is told it moved. Returns the
 * players whose sockets must close once the views are out (see `closeSeats`).
 */
export async function moveSeats(
  ctx: HubContext,
  session: LiveSession,
  before: SessionState,
  entry: LoggedCommand,
): Promise<PlayerId[]> {
  const gone = leftTheTable(before, session.state);
  const { command } = entry;
  const claimant = command.type === 'seat.answer' && command.give ? command.playerId : null;
  const claimed = claimant ? (before.players[claimant]?.claims ?? null) : null;
  for (const playerId of gone) await ctx.store.revokePlayer(session.id, playerId);
  if (!claimant || !claimed || !gone.includes(claimant)) return gone;
  const token = newToken();
  await ctx.store.revokePlayer(session.id, claimed);
  await ctx.store.addPlayerToken(session.id, claimed, hashToken(token));
  for (const connection of session.connectionsOf(claimed)) connection.sendSeat({ kind: 'moved' });
  for (const connection of session.connectionsOf(claimant))
    connection.sendSeat({ kind: 'player', playerId: asPlayerId(claimed), token });
  ctx.log.info(
    { sessionId: session.id, playerId: claimed, from: claimant },
    `Session ${session.id}: a seat moved to its player's new device; the old device's token is revoked`,
  );
  return [...gone, claimed];
}

/** Closes the sockets of `players`: those who left the table, and a moved seat's old device. */
export function closeSeats(session: LiveSession, players: readonly PlayerId[]): void {
  for (const playerId of players) for (const connection of session.connectionsOf(playerId)) connection.close();
}

function leftTheTable(before: SessionState, after: SessionState): PlayerId[] {
  if (before.players === after.players) return [];
  return Object.values(after.players)
    .filter((p) => p.removed && before.players[p.id]?.removed === false)
    .map((p) => p.id);
}
