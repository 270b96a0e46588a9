import type { ViewMessage } from '@chaos-quest/engine';
import type { GameSocket } from './socket-types.ts';

/**
 * Whole views encoded once, however many sockets get them. The hub hands out the same message
 * object for one room at one seq (LiveSession.sent), so a reconnect storm or a burst of resyncs
 * costs one JSON encoding per room, not one per socket. Weakly held: a message the hub let go of
 * takes its packet with it.
 */
const packets = new WeakMap<ViewMessage, string>();

/**
 * Sends `message` as a `view` event, exactly as `socket.emit('view', message)` would put it on the
 * wire: a Socket.IO EVENT packet (type 2) for the main namespace is `2` followed by the JSON of
 * `[event, ...args]` (socket.io-parser's encodeAsString), and `conn.write` is how Socket.IO itself
 * hands encoded packets to engine.io.
 */
export function writeView(socket: GameSocket, message: ViewMessage): void {
  let packet = packets.get(message);
  if (packet === undefined) {
    packet = `2${JSON.stringify(['view', message])}`;
    packets.set(message, packet);
  }
  socket.conn.write(packet);
}
