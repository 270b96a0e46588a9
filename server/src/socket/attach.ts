import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { historyRequestSchema, telemetryRequestSchema, type HistoryAck, type ResyncAck } from '@chaos-quest/engine';
import { Server } from 'socket.io';
import { TokenBucket } from '../auth/token-bucket.ts';
import type { AddressLimiter } from '../auth/address-limiter.ts';
import type { SessionHub } from '../hub/hub.ts';
import type { EventLog } from '../hub/hub-context.ts';
import type { RoomSender } from '../hub/live-session.ts';
import type { ServerMetrics } from '../metrics/server-metrics.ts';
import type { Store } from '../store/store.ts';
import { bufferedBytes, dropTransport, watchBuffers } from './backpressure.ts';
import { handleCommand } from './command-handler.ts';
import { broadcastFrame } from './room-frames.ts';
import { connectionOf } from './connection.ts';
import type { SocketLimits } from './flow-guard.ts';
import { HandshakeError, seatOf } from './handshake.ts';
import { SeatGuards, seatKeyOf } from './seat-guards.ts';
import type { GameServer, GameSocket } from './socket-types.ts';
import { writeView } from './view-packets.ts';

export interface SocketDeps {
  store: Store;
  hub: SessionHub;
  metrics: ServerMetrics;
  log: EventLog;
  joinLimiter: AddressLimiter;
  limits: SocketLimits;
  /** The client's address through trusted proxies, as Fastify's `request.ip` reads it. */
  clientAddress: (req: IncomingMessage) => string;
}

/**
 * Socket.IO on the HTTP server, with the origin check on every request (the HTTP edge's rule: the
 * server's own origins and CQ_ALLOWED_ORIGINS, never the Host header). The transport refuses
 * anything over twice the command cap outright (closing the connection); commands between the two
 * get a `too-large` ack.
 */
export function createSocketServer(
  httpServer: HttpServer,
  options: {
    limits: SocketLimits;
    originAllowed: (origin: string | undefined) => boolean;
    allowedOrigins: string[] | null;
  },
): GameServer {
  return new Server(httpServer, {
    maxHttpBufferSize: options.limits.maxCommandBytes * 2,
    allowRequest: (req, callback) => {
      const ok = options.originAllowed(req.headers.origin);
      callback(ok ? null : `Origin ${req.headers.origin} is not allowed`, ok);
    },
    ...(options.allowedOrigins ? { cors: { origin: options.allowedOrigins } } : {}),
  });
}

/**
 * The hub's way to its audience rooms: one frame per room, encoded once for all its sockets and
 * written to each (see room-frames.ts). Local: with several nodes, each node projects views for
 * its own sockets (see hub.follow), so a room's frame goes only to this node's members of that
 * room, never through the adapter to another node's.
 */
export function roomSenderOf(io: GameServer): RoomSender {
  return {
    sendView: (room, message) => broadcastFrame(io, room, 'view', message),
    sendPatch: (room, message) => broadcastFrame(io, room, 'patch', message),
  };
}

/**
 * Seats each socket from its handshake and serves it: seat limits (sockets and new connections per
 * seat), flow control on every message, commands, resyncs, timeline history, and a cut for a socket
 * whose unsent output passes its budget. Returns a function that stops the buffer sweep.
 */
export function attachSockets(io: GameServer, deps: SocketDeps): () => void {
  const guards = new SeatGuards(deps.limits);
  io.use((socket, next) => {
    // Behind a trusted proxy the TCP peer is the proxy: every limit keyed by address must see the player instead.
    socket.handshake.address = deps.clientAddress(socket.request);
    next();
  });
  io.use((socket, next) => {
    const key = seatKeyOf(socket.handshake.auth, socket.handshake.address);
    // A seat cut for flooding waits out its cool-down: reconnecting in a loop must not buy fresh bursts.
    const coolingDown = guards.coolingDown(key);
    if (coolingDown > 0)
      return next(
        new Error(`Disconnected for sending too much. Wait ${Math.ceil(coolingDown / 1000)} s before reconnecting.`),
      );
    const refused = guards.admit(key);
    if (refused) return next(new Error(refused));
    seatOf(socket.handshake.auth, socket.handshake.address, deps).then(
      (seat) => {
        socket.data = seat;
        next();
      },
      (error: unknown) => {
        guards.release(key);
        if (!(error instanceof HandshakeError)) deps.log.error({ err: error }, 'Socket handshake failed');
        next(
          new Error(
            error instanceof HandshakeError ? error.message : 'The server could not check this token; try again.',
          ),
        );
      },
    );
  });
  io.on('connection', (socket) => onConnection(socket, deps, guards));
  return watchBuffers(io, deps.limits.maxBufferedBytes, (socket, bytes) => cutSlowReader(socket, bytes, deps));
}

function cutSlowReader(socket: GameSocket, bytes: number, deps: SocketDeps): void {
  // Resyncs already queued behind the one that cut it still finish: one cut, one count.
  if (socket.disconnected) return;
  const { sessionId, viewer } = socket.data;
  deps.log.warn(
    { sessionId, socketId: socket.id, viewer, bytes },
    `Session ${sessionId}: cut socket ${socket.id}: ${bytes} bytes waiting unread`,
  );
  deps.metrics.commands.inc({ type: 'socket', result: 'cut-unread' });
  socket.disconnect(true);
  dropTransport(socket);
}

function onConnection(socket: GameSocket, deps: SocketDeps, guards: SeatGuards): void {
  const seat = socket.data;
  const seatKey = seatKeyOf(socket.handshake.auth, socket.handshake.address);
  const guard = guards.guard(seatKey);
  const resyncs = new TokenBucket(deps.limits.resyncs.burst, deps.limits.resyncs.perSecond);
  socket.use((packet, next) => {
    const verdict = guard.check(packet.slice(1));
    if (verdict.pass) return next();
    const ack = packet[packet.length - 1];
    deps.metrics.commands.inc({ type: 'unparsed', result: verdict.ack.error.code });
    if (typeof ack === 'function') ack(verdict.ack);
    if (verdict.cut) {
      deps.log.warn(
        { sessionId: seat.sessionId, socketId: socket.id, viewer: seat.viewer },
        `Session ${seat.sessionId}: cut socket ${socket.id} for flooding past its limits`,
      );
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
    if (!resyncs.take())
      return ack(
        refusal(
          'rate-limited',
          `At most ${deps.limits.resyncs.perSecond} resync a second; the next one will be answered.`,
        ),
      );
    deps.hub.resync(seat.sessionId, seat.viewer).then(
      (found) => {
        if (!found) return ack(refusal('not-found', 'This session no longer exists.'));
        // The `me` first, then the view, so the view can be shown whole; the ack only closes the round.
        if (found.me) socket.emit('me', found.me);
        writeView(socket, found.view);
        if (bufferedBytes(socket) > deps.limits.maxBufferedBytes)
          return cutSlowReader(socket, bufferedBytes(socket), deps);
        ack({ ok: true, seq: found.view.seq });
      },
      () => ack(refusal('internal', 'The server could not load this session; try again.')),
    );
  });
  socket.on('history', (request, ack) => {
    if (typeof ack !== 'function') return;
    const parsed = historyRequestSchema.safeParse(request);
    if (!parsed.success) return ack(historyRefusal('invalid', 'Send { end, limit } with limit from 1 to 100.'));
    deps.hub.history(seat.sessionId, seat.viewer, parsed.data.end, parsed.data.limit).then(
      (entries) => ack(entries ? { ok: true, entries } : historyRefusal('not-found', 'This session no longer exists.')),
      () => ack(historyRefusal('internal', 'The server could not load this session; try again.')),
    );
  });
  socket.on('telemetry', (request, ack) => {
    if (typeof ack !== 'function') return;
    const parsed = telemetryRequestSchema.safeParse(request);
    if (!parsed.success)
      return ack({ ok: false, error: { code: 'invalid', message: 'Send { from }: the first game minute wanted.' } });
    deps.hub.telemetry(seat.sessionId, parsed.data.from).then(
      (telemetry) =>
        ack(
          telemetry === undefined
            ? { ok: false, error: { code: 'not-found', message: 'This session no longer exists.' } }
            : { ok: true, telemetry },
        ),
      () =>
        ack({ ok: false, error: { code: 'internal', message: 'The server could not load this session; try again.' } }),
    );
  });
  socket.on('disconnect', () => {
    guards.release(seatKey);
    deps.hub.disconnect(seat.sessionId, socket.id);
  });
  const held = (socket.handshake.auth as { seq?: unknown }).seq;
  deps.hub.connect(seat.sessionId, connectionOf(socket), typeof held === 'number' ? held : null).then(
    (found) => {
      if (!found) socket.disconnect(true);
      // It may have gone while the session loaded: then its 'disconnect' ran before it was added.
      else if (socket.disconnected) deps.hub.disconnect(seat.sessionId, socket.id);
    },
    (error: unknown) => {
      deps.log.error(
        { err: error, sessionId: seat.sessionId },
        `Session ${seat.sessionId}: could not load for a connection`,
      );
      socket.disconnect(true);
    },
  );
}

const refusal = (code: 'rate-limited' | 'not-found' | 'internal', message: string): ResyncAck => ({
  ok: false,
  error: { code, message },
});
const historyRefusal = (code: 'invalid' | 'not-found' | 'internal', message: string): HistoryAck => ({
  ok: false,
  error: { code, message },
});
