import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { AddressLimiter } from '../auth/address-limiter.ts';
import type { ServerConfig } from '../config.ts';
import type { SessionHub } from '../hub/hub.ts';
import type { EventLog } from '../hub/hub-context.ts';
import type { Connection } from '../hub/live-session.ts';
import type { ServerMetrics } from '../metrics/server-metrics.ts';
import type { Store } from '../store/store.ts';
import { handleCommand } from './command-handler.ts';
import type { SocketLimits } from './flow-guard.ts';
import { HandshakeError, seatOf } from './handshake.ts';
import { SeatGuards, seatKeyOf } from './seat-guards.ts';
import type { GameServer, GameSocket } from './socket-types.ts';

export interface SocketDeps {
  config: ServerConfig;
  store: Store;
  hub: SessionHub;
  metrics: ServerMetrics;
  log: EventLog;
  joinLimiter: AddressLimiter;
  limits: SocketLimits;
  /** The HTTP edge's origin rule: the server's own origins and CQ_ALLOWED_ORIGINS, never the Host header. */
  originAllowed: (origin: string | undefined) => boolean;
  /** The client's address through trusted proxies, as Fastify's `request.ip` reads it. */
  clientAddress: (req: IncomingMessage) => string;
}

/**
 * Socket.IO on the HTTP server: origin check on every request, seat from the handshake, flow
 * control on every message, then commands and resyncs. The transport refuses anything over twice
 * the command cap outright (closing the connection); commands between the two get a `too-large` ack.
 */
export function attachSockets(httpServer: HttpServer, deps: SocketDeps): GameServer {
  const { config } = deps;
  const io: GameServer = new Server(httpServer, {
    maxHttpBufferSize: deps.limits.maxCommandBytes * 2,
    allowRequest: (req, callback) => {
      const ok = deps.originAllowed(req.headers.origin);
      callback(ok ? null : `Origin ${req.headers.origin} is not allowed`, ok);
    },
    ...(config.allowedOrigins ? { cors: { origin: config.allowedOrigins } } : {}),
  });
  const guards = new SeatGuards(deps.limits);
  io.use((socket, next) => {
    // Behind a trusted proxy the TCP peer is the proxy: every limit keyed by address must see the player instead.
    socket.handshake.address = deps.clientAddress(socket.request);
    next();
  });
  io.use((socket, next) => {
    // A seat cut for flooding waits out its cool-down: reconnecting in a loop must not buy fresh bursts.
    const coolingDown = guards.coolingDown(seatKeyOf(socket.handshake.auth, socket.handshake.address));
    if (coolingDown > 0) return next(new Error(`Disconnected for sending too much. Wait ${Math.ceil(coolingDown / 1000)} s before reconnecting.`));
    seatOf(socket.handshake.auth, socket.handshake.address, deps).then(
      (seat) => {
        socket.data = seat;
        next();
      },
      (error: unknown) => {
        if (!(error instanceof HandshakeError)) deps.log.error({ err: error }, 'Socket handshake failed');
        next(new Error(error instanceof HandshakeError ? error.message : 'The server could not check this token; try again.'));
      },
    );
  });
  io.on('connection', (socket) => onConnection(socket, deps, guards));
  // One emit per audience room: Socket.IO encodes the packet once for all its sockets.
  deps.hub.useRooms({
    sendView: (room, message) => io.to(room).emit('view', message),
    sendPatch: (room, message) => io.to(room).emit('patch', message),
  });
  return io;
}

function onConnection(socket: GameSocket, deps: SocketDeps, guards: SeatGuards): void {
  const seat = socket.data;
  const seatKey = seatKeyOf(socket.handshake.auth, socket.handshake.address);
  const guard = guards.guard(seatKey);
  socket.use((packet, next) => {
    const verdict = guard.check(packet.slice(1));
    if (verdict.pass) return next();
    const ack = packet[packet.length - 1];
    deps.metrics.commands.inc({ type: 'unparsed', result: verdict.ack.error.code });
    if (typeof ack === 'function') ack(packet[0] === 'command' ? verdict.ack : null);
    if (verdict.cut) {
      deps.log.warn({ sessionId: seat.sessionId, socketId: socket.id, viewer: seat.viewer }, `Session ${seat.sessionId}: cut socket ${socket.id} for flooding past its limits`);
      guards.cut(seatKey);
      socket.disconnect(true);
    }
  });
  socket.on('command', (payload, ack) => {
    if (typeof ack !== 'function') return;
    void handleCommand(deps.hub, deps.metrics, seat, payload).then(ack);
  });
  socket.on('resync', (ack) => {
    if (typeof ack !== 'function') return;
    deps.hub.resync(seat.sessionId, seat.viewer).then(
      (found) => {
        // The `me` first, so the view the ack carries can be shown whole.
        if (found?.me) socket.emit('me', found.me);
        ack(found?.view ?? null);
      },
      () => ack(null),
    );
  });
  socket.on('disconnect', () => deps.hub.disconnect(seat.sessionId, socket.id));
  const connection = connectionOf(socket);
  deps.hub.connect(seat.sessionId, connection).then(
    (found) => {
      if (!found) socket.disconnect(true);
      // It may have gone while the session loaded: then its 'disconnect' ran before it was added.
      else if (socket.disconnected) deps.hub.disconnect(seat.sessionId, socket.id);
    },
    (error: unknown) => {
      deps.log.error({ err: error, sessionId: seat.sessionId }, `Session ${seat.sessionId}: could not load for a connection`);
      socket.disconnect(true);
    },
  );
}

/** The hub's handle on one socket. It sits in one audience room at a time. */
function connectionOf(socket: GameSocket): Connection {
  let currentRoom: string | null = null;
  return {
    id: socket.id,
    viewer: socket.data.viewer,
    joinRoom: (room) => {
      if (currentRoom) void socket.leave(currentRoom);
      currentRoom = room;
      void socket.join(room);
    },
    sendView: (message) => socket.emit('view', message),
    sendPatch: (message) => socket.emit('patch', message),
    sendMe: (message) => socket.emit('me', message),
    sendPresence: (presence) => socket.emit('presence', presence),
    close: () => socket.disconnect(true),
  };
}
