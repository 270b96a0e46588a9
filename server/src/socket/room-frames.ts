import type { GameServer, GameSocket } from './socket-types.ts';

/**
 * A room broadcast written straight to each member's WebSocket. Socket.IO's own broadcast encodes
 * the frame once too, but then takes every socket through engine.io's packet queue, its events
 * and a write callback that holds the transport shut until the kernel took the frame: the next
 * packet to that socket (the sender's ack, right behind the patch) then waits for that callback
 * and goes out in a system call of its own. Here the frame is the same bytes Socket.IO would send
 * (`42` + the JSON of `[event, message]` in one unmasked text frame), each member's TCP socket is
 * corked until the current tick ends, so what else this turn sends it (the ack, a `me`) leaves in
 * the same write, and engine.io's queue is not touched.
 *
 * A socket that is not a plain open WebSocket (long-polling, upgrading) or that has engine.io
 * packets queued gets the packet through engine.io instead, so nothing overtakes what waits there.
 * This reads engine.io's and ws's internals (`writeBuffer`, `transport.socket._sender`,
 * `_socket`), as engine.io itself does for its pre-encoded frames; if they are ever renamed, every
 * socket takes the engine.io path and only the saving is lost.
 */
export function broadcastFrame(io: GameServer, room: string, event: 'view' | 'patch', message: unknown): void {
  const namespace = io.of('/');
  const members = namespace.adapter.rooms.get(room);
  if (!members || members.size === 0) return;
  const packet = `2${JSON.stringify([event, message])}`;
  let frame: Buffer | null = null;
  const sockets = namespace.sockets;
  for (const id of members) {
    const socket = sockets.get(id);
    if (!socket) continue;
    const ws = openWebSocket(socket);
    if (ws === null) {
      socket.conn.write(packet);
      continue;
    }
    frame ??= textFrame(`4${packet}`);
    cork(ws._socket);
    ws._sender.sendFrame([frame]);
  }
}

interface RawWebSocket {
  readyState: number;
  _socket: { cork(): void; uncork(): void; destroyed: boolean };
  _sender: { sendFrame(list: Buffer[], cb?: (error?: Error) => void): void };
}

const WS_OPEN = 1;

function openWebSocket(socket: GameSocket): RawWebSocket | null {
  const conn = socket.conn as unknown as {
    readyState: string;
    upgrading: boolean;
    writeBuffer?: unknown[];
    transport?: { name?: string; perMessageDeflate?: unknown; socket?: Partial<RawWebSocket> };
  };
  if (conn.readyState !== 'open' || conn.upgrading || !conn.writeBuffer || conn.writeBuffer.length > 0) return null;
  const transport = conn.transport;
  if (!transport || transport.name !== 'websocket' || transport.perMessageDeflate) return null;
  const ws = transport.socket;
  if (!ws || ws.readyState !== WS_OPEN || !ws._socket || ws._socket.destroyed) return null;
  if (typeof ws._sender?.sendFrame !== 'function') return null;
  return ws as RawWebSocket;
}

/** One unmasked, final text frame (RFC 6455 §5.2): a server's frames carry no mask. */
export function textFrame(text: string): Buffer {
  const length = Buffer.byteLength(text);
  const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81;
  if (length < 126) frame[1] = length;
  else if (length < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.write(text, headerLength);
  return frame;
}

let corked: RawWebSocket['_socket'][] = [];

/** Corks `tcp` until the current tick's work is done; each is uncorked once, in the order corked. */
function cork(tcp: RawWebSocket['_socket']): void {
  tcp.cork();
  if (corked.length === 0) process.nextTick(uncorkAll);
  corked.push(tcp);
}

function uncorkAll(): void {
  const sockets = corked;
  corked = [];
  for (const tcp of sockets) if (!tcp.destroyed) tcp.uncork();
}
