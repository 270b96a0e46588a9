import { asPlayerId, type LoggedCommand, type PlayerId, type SessionState } from '@chaos-quest/engine';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { HubContext } from './hub-context.ts';
import type { LiveSession } from './live-session.ts';

/**
 * What an accepted command did to seats, carried out where tokens live: a player who left the table
 * (removed, or whose new seat was folded into the one they claimed back) loses their token and
 * their sockets; a seat the facilitator gave back moves to the claimant's device, which gets the
 * seat's new token over its socket, while the seat's old device is told it moved and is closed.
 */
export async function settleSeats(
  ctx: HubContext,
  session: LiveSession,
  before: SessionState,
  entry: LoggedCommand,
): Promise<void> {
  const gone = leftTheTable(before, session.state);
  const { command } = entry;
  const claimant = command.type === 'seat.answer' && command.give ? command.playerId : null;
  const claimed = claimant ? (before.players[claimant]?.claims ?? null) : null;
  for (const playerId of gone) await ctx.store.revokePlayer(session.id, playerId);
  if (claimant && claimed && gone.includes(claimant)) {
    const token = newToken();
    await ctx.store.revokePlayer(session.id, claimed);
    await ctx.store.addPlayerToken(session.id, claimed, hashToken(token));
    for (const connection of session.connectionsOf(claimed)) {
      connection.sendSeat({ kind: 'moved' });
      connection.close();
    }
    for (const connection of session.connectionsOf(claimant))
      connection.sendSeat({ kind: 'player', playerId: asPlayerId(claimed), token });
    ctx.log.info(
      { sessionId: session.id, playerId: claimed, from: claimant },
      `Session ${session.id}: a seat moved to its player's new device; the old device's token is revoked`,
    );
  }
  for (const playerId of gone) for (const connection of session.connectionsOf(playerId)) connection.close();
}

function leftTheTable(before: SessionState, after: SessionState): PlayerId[] {
  if (before.players === after.players) return [];
  return Object.values(after.players)
    .filter((p) => p.removed && before.players[p.id]?.removed === false)
    .map((p) => p.id);
}
