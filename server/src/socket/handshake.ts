import { asEvaluatorId, asPlayerId, handshakeAuthSchema } from '@chaos-quest/engine';
import type { AddressLimiter } from '../auth/address-limiter.ts';
import { hashToken, normalizeJoinCode } from '../auth/tokens.ts';
import type { SessionHub } from '../hub/hub.ts';
import type { Store } from '../store/store.ts';
import type { SocketSeat } from './socket-types.ts';

/** A refused handshake: the client's `connect_error` carries this message. */
export class HandshakeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HandshakeError';
  }
}

/**
 * Decides who a connecting socket is from its handshake `auth`: `{ token }` opens the seat the
 * token was issued for (facilitator or player); `{ observe: joinCode }` gives the public view of a
 * running session. Observing is rate-limited like joining, so it cannot be used to guess codes.
 * Throws HandshakeError with a message that says what to do.
 */
export async function seatOf(
  auth: unknown,
  address: string,
  deps: { store: Store; hub: SessionHub; joinLimiter: AddressLimiter },
): Promise<SocketSeat> {
  const parsed = handshakeAuthSchema.safeParse(auth);
  if (!parsed.success)
    throw new HandshakeError('Send { token } (facilitator or player) or { observe: joinCode } in the handshake auth.');
  if ('observe' in parsed.data) {
    if (!deps.joinLimiter.take(address))
      throw new HandshakeError('Too many attempts from this address. Wait a minute and try again.');
    const code = normalizeJoinCode(parsed.data.observe);
    const row = await deps.store.findLiveSessionByJoinCode(code);
    if (!row)
      throw new HandshakeError(`No running session has the join code ${code}; codes expire when a session ends.`);
    return { sessionId: row.id, viewer: { kind: 'observer' }, actor: null, console: null };
  }
  const tokenHash = hashToken(parsed.data.token);
  const seat = await deps.store.findSeat(tokenHash);
  if (!seat) return evaluatorSeatOf(tokenHash, deps);
  const session = await deps.hub.get(seat.sessionId);
  if (!session) throw new HandshakeError(`Session ${seat.sessionId} no longer exists.`);
  // A co-facilitator sees and acts as the facilitator; what only the facilitator may do is checked per command.
  if (seat.kind !== 'player')
    return {
      sessionId: seat.sessionId,
      viewer: { kind: 'facilitator' },
      actor: { kind: 'facilitator' },
      console: seat.kind,
    };
  // Revocation is the rule; checking the state too covers a revoke that failed to reach the store.
  const playerId = asPlayerId(seat.playerId);
  if (session.state.players[playerId]?.removed !== false)
    throw new HandshakeError('You were removed from this session by the facilitator.');
  const viewer = { kind: 'player', playerId } as const;
  return { sessionId: seat.sessionId, viewer, actor: viewer, console: null };
}

/** The evaluator's seat a token opens: the facilitator's view, and only the evaluator's own commands. */
async function evaluatorSeatOf(tokenHash: string, deps: { store: Store }): Promise<SocketSeat> {
  const seat = await deps.store.findEvaluatorSeat(tokenHash);
  // An evaluator code mints seats; it opens none itself.
  if (!seat?.evaluatorId)
    throw new HandshakeError(
      'This token is not valid: it is unknown, or its player was removed. Join again with the join code.',
    );
  const viewer = { kind: 'evaluator', evaluatorId: asEvaluatorId(seat.evaluatorId) } as const;
  return { sessionId: seat.sessionId, viewer, actor: viewer, console: null };
}
