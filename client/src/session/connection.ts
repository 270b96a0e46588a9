import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type {
  ClientCommandInput,
  HandshakeAuth,
  HistoryAck,
  Presence,
  ResyncAck,
  SeatMessage,
  TelemetryAck,
  TelemetryPoints,
  TimelineEntry,
} from '@chaos-quest/engine';
import { presenceSchema, seatMessageSchema, SOCKET_EVENTS } from '@chaos-quest/engine/client';
import { commandIdSource } from './command-id.ts';
import type { CommandOutcome } from './command-tracker.ts';
import type { SessionStore } from './session-store.ts';

/** A command as the UI writes it; the link adds the id. */
export type CommandInput = ClientCommandInput extends infer C ? (C extends unknown ? Omit<C, 'id'> : never) : never;

export interface SessionLink {
  /** Sends a command on behalf of `control`; resolves with the ack (or timeout/offline), never rejects. */
  send(command: CommandInput, control: string): Promise<CommandOutcome>;
  /** Asks the server for the current view. */
  resync(): void;
  /** The timeline entries `[end - limit, end)` of what this seat may see; rejects with the server's reason. */
  history(end: number, limit: number): Promise<TimelineEntry[]>;
  /** Every metric's points from game minute `from` to the current one; null when the scenario has no telemetry. */
  telemetry(from: number): Promise<TelemetryPoints | null>;
  close(): void;
}

export interface ConnectOptions {
  auth: HandshakeAuth;
  /** The server's origin; by default this page's. */
  url?: string;
  ackTimeoutMs?: number;
  nextId?: () => string;
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

const EVENTS = SOCKET_EVENTS;

/** A message that does not parse is never shown; it is reported here and a whole view is asked for. */
function report(event: string, message: unknown): void {
  console.warn(`Chaos Quest: ignored a ${event} message that does not match the protocol`, message);
}

const OFFLINE =
  'You are offline, so this was not sent. The page reconnects by itself; try again when the banner clears.';
const TIMEOUT = 'The server did not answer in time. Check the connection and try again.';

function watchConnection(socket: Socket, store: SessionStore, resync: () => void): void {
  let connectedBefore = false;
  socket.on('connect', () => {
    store.getState().setStatus('online');
    // The server sends a view on every connect, but views sent while we were away are lost: ask.
    if (connectedBefore) resync();
    connectedBefore = true;
  });
  socket.on('disconnect', (reason) => {
    if (reason === 'io client disconnect') return;
    if (reason === 'io server disconnect')
      store.getState().setStatus('closed', 'The server ended this connection. Reload to try again.');
    else store.getState().setStatus('reconnecting', 'Connection lost. Reconnecting…');
  });
  socket.on('connect_error', (error) => {
    // socket.io retries transport failures by itself (socket.active stays true); a refusal by the
    // server's handshake check is final.
    if (socket.active) store.getState().setStatus('reconnecting', 'Cannot reach the server. Retrying…');
    else store.getState().setStatus('rejected', `The server refused this seat: ${error.message}`);
  });
}

/**
 * Connects one seat (or the big screen) to its session and feeds `store`. Reconnects by itself;
 * after a reconnect, when a `view` skips sequence numbers or a `patch` does not fit the view it
 * holds, it asks the server to resync. A player's view is composed from the shared projection and
 * their own `me` (view-sync.ts).
 */
export function connectSession(store: SessionStore, options: ConnectOptions): SessionLink {
  const ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
  const nextId = options.nextId ?? commandIdSource();
  // WebSocket first, long-polling only if it cannot open: a connection the server closes while a
  // poll is in flight makes that poll fail loudly (HTTP 400 in the console), and WebSocket also
  // saves the polling handshake on every join and reload.
  const socket: Socket = io(options.url ?? '', {
    // Re-read on every (re)connect: the seq we hold lets the server notice it lost acknowledged commands.
    auth: (callback) =>
      callback({ ...options.auth, ...(store.getState().sync.shared ? { seq: store.getState().sync.seq } : {}) }),
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnectionDelayMax: 4000,
    ...options.socketOptions,
  });

  // One resync at a time: the patches that keep coming while it is out do not fit either.
  let resyncing = false;
  const resync = () => {
    if (resyncing) return;
    resyncing = true;
    // The view itself comes as a `view` message just before this ack.
    socket.timeout(ackTimeoutMs).emit(EVENTS.resync, (error: Error | null, ack: ResyncAck) => {
      resyncing = false;
      if (!error && !ack.ok && ack.error.code === 'rate-limited') setTimeout(resync, 1500);
    });
  };
  // The first view and `me` on a new connection are the server's truth, even older than what we hold:
  // after a server lost commands (a restored database) the table must follow the log, not a ghost.
  let fresh = { view: true, me: true };
  // An answer lost with the old connection never comes: a new connection may ask again.
  socket.on('connect', () => {
    resyncing = false;
    fresh = { view: true, me: true };
  });
  watchConnection(socket, store, resync);
  socket.on(EVENTS.view, (message: unknown) => {
    const replace = fresh.view;
    fresh.view = false;
    const verdict = store.getState().receiveView(message, replace);
    if (verdict === 'invalid') report('view', message);
    if (verdict === 'gap' || verdict === 'invalid') resync();
  });
  // After every command: the change since the view before; one that does not fit needs a whole view.
  socket.on(EVENTS.patch, (message: unknown) => {
    const verdict = store.getState().receivePatch(message);
    if (verdict === 'invalid') report('patch', message);
    if (verdict === 'gap' || verdict === 'invalid') resync();
  });
  // A player's own part: sent when it changes, and just before the view on connect and resync.
  socket.on(EVENTS.me, (message: unknown) => {
    const replace = fresh.me;
    fresh.me = false;
    if (store.getState().receiveMe(message, replace) === 'invalid') {
      report('me', message);
      resync();
    }
  });
  // This seat moved: the server closes this connection next, so the page must not read that as a failure.
  socket.on(EVENTS.seat, (message: unknown) => {
    const parsed = seatMessageSchema.safeParse(message);
    if (parsed.success) store.getState().receiveSeat(parsed.data as SeatMessage);
    else report('seat', message);
  });
  socket.on(EVENTS.presence, (presence: unknown) => {
    if (presenceSchema.safeParse(presence).success) store.getState().receivePresence(presence as Presence);
    else report('presence', presence);
  });

  const send = (command: CommandInput, control: string) =>
    new Promise<CommandOutcome>((resolve) => {
      const id = nextId();
      const state = store.getState();
      state.commandSent(id, control, command.type);
      const settle = (outcome: CommandOutcome) => {
        store.getState().commandSettled(id, outcome);
        resolve(outcome);
      };
      // A command emitted while offline would sit in socket.io's buffer and might apply long after
      // the person gave up on it; refuse it now instead.
      if (!socket.connected) return settle({ ok: false, error: { code: 'offline', message: OFFLINE } });
      socket
        .timeout(ackTimeoutMs)
        .emit(EVENTS.command, { ...command, id }, (error: Error | null, ack: CommandOutcome) => {
          settle(error ? { ok: false, error: { code: 'timeout', message: TIMEOUT } } : ack);
        });
    });

  const history = (end: number, limit: number) =>
    new Promise<TimelineEntry[]>((resolve, reject) => {
      if (!socket.connected) return reject(new Error(OFFLINE));
      socket.timeout(ackTimeoutMs).emit(EVENTS.history, { end, limit }, (error: Error | null, ack: HistoryAck) => {
        if (error) reject(new Error(TIMEOUT));
        else if (!ack.ok) reject(new Error(ack.error.message));
        else resolve(ack.entries);
      });
    });

  const telemetry = (from: number) =>
    new Promise<TelemetryPoints | null>((resolve, reject) => {
      if (!socket.connected) return reject(new Error(OFFLINE));
      socket.timeout(ackTimeoutMs).emit(EVENTS.telemetry, { from }, (error: Error | null, ack: TelemetryAck) => {
        if (error) reject(new Error(TIMEOUT));
        else if (!ack.ok) reject(new Error(ack.error.message));
        else resolve(ack.telemetry);
      });
    });

  return { send, resync, history, telemetry, close: () => void socket.disconnect() };
}
