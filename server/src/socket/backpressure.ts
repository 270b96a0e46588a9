import type { GameServer, GameSocket } from './socket-types.ts';

/**
 * What a socket has waiting to go out, in bytes: the packets engine.io holds while the transport is
 * busy, plus what the WebSocket itself has queued. A client that stops reading (or reads slower than
 * the game writes) makes this grow; nothing in Socket.IO bounds it, so we do.
 *
 * Socket.IO offers no public figure for this: it reads engine.io's `writeBuffer` and ws's
 * `bufferedAmount` (both stable for years), and answers 0 if either is ever renamed, so a change
 * there disables the cut instead of breaking sockets — tests/faults/hostile-player.test.ts notices.
 */
export function bufferedBytes(socket: GameSocket): number {
  const conn = socket.conn as unknown as {
    writeBuffer?: { data?: unknown }[];
    transport?: { socket?: { bufferedAmount?: unknown } };
  };
  let bytes = 0;
  for (const packet of conn.writeBuffer ?? []) {
    const data = packet.data;
    if (typeof data === 'string') bytes += data.length;
    else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) bytes += data.byteLength;
  }
  const queued = conn.transport?.socket?.bufferedAmount;
  return bytes + (typeof queued === 'number' ? queued : 0);
}

/**
 * Cuts every socket whose waiting output passes `limit`, once a second and on demand: it can
 * reconnect and resync when it reads again. Returns a function that stops the sweep.
 */
export function watchBuffers(
  io: GameServer,
  limit: number,
  cut: (socket: GameSocket, bytes: number) => void,
): () => void {
  const timer = setInterval(() => {
    for (const socket of io.of('/').sockets.values()) {
      const bytes = bufferedBytes(socket);
      if (bytes > limit) cut(socket, bytes);
    }
  }, 1000);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Closes a socket's connection at once, dropping what waits in it. Socket.IO's `disconnect(true)`
 * leaves engine.io waiting for its write buffer to drain before it closes, and ws then waits 30 s
 * for a close frame: a client that does not read never lets either happen, so its megabytes stayed
 * held for over a minute after the cut, and a seat could reconnect and pile up more meanwhile.
 * ws's `terminate` destroys the TCP socket; where the transport is not ws, engine.io closes discarding.
 */
export function dropTransport(socket: GameSocket): void {
  const transport = socket.conn.transport as unknown as { socket?: { terminate?: unknown } };
  const ws = transport.socket;
  if (ws && typeof ws.terminate === 'function') (ws.terminate as () => void).call(ws);
  else socket.conn.close(true);
}
