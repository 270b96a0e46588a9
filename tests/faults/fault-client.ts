import {
  foldPatch,
  type CommandAck,
  type MeMessage,
  type PatchMessage,
  type ResyncAck,
  type View,
  type ViewMessage,
  type ClientCommandInput,
} from '@chaos-quest/engine';
import { io, type Socket } from 'socket.io-client';

/**
 * A socket.io-client that behaves like a browser tab under faults: websocket only, reconnecting
 * quickly and forever (within a test's bounds), keeping the newest view and `me` it has seen. It never
 * retries a command on its own, so what the server acknowledged is exactly what the test saw.
 */
export class FaultClient {
  readonly socket: Socket;
  latest: ViewMessage | null = null;
  /** The newest `me` (players only): sent when it changes, and on every connect and resync. */
  me: MeMessage | null = null;
  /** Patches that did not fit the view held (the next resync or reconnect repairs it, as in a browser). */
  misfits = 0;
  /** Times the socket lost its connection without asking to. */
  drops = 0;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on('view', (message: ViewMessage) => {
      if (!this.latest || message.seq >= this.latest.seq) this.latest = message;
    });
    socket.on('patch', (message: PatchMessage) => {
      const folded = foldPatch(this.latest, message);
      if (folded === null) this.misfits += 1;
      else if (folded !== 'stale') this.latest = folded;
    });
    socket.on('me', (message: MeMessage) => {
      if (!this.me || message.seq >= this.me.seq) this.me = message;
    });
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') this.drops += 1;
    });
  }

  /** Connects and resolves with the first view; rejects with the handshake's refusal. */
  static connect(url: string, auth: Record<string, unknown>): Promise<FaultClient> {
    const socket = io(url, {
      auth,
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 400,
      timeout: 5000,
    });
    const client = new FaultClient(socket);
    return new Promise((resolve, reject) => {
      const refused = (error: Error) => {
        socket.close();
        reject(error);
      };
      socket.once('connect_error', refused);
      socket.once('view', () => {
        // From now on a failed reconnect attempt is the manager's to retry, not a refusal.
        socket.off('connect_error', refused);
        resolve(client);
      });
    });
  }

  /** The whole view this socket holds, composed as a browser does: a player's shared view with their `me`. */
  get whole(): View | null {
    const view = this.latest?.view ?? null;
    if (view?.viewer !== 'player') return view;
    return this.me ? { ...view, me: this.me.me } : null;
  }

  get seq(): number {
    return this.latest?.seq ?? -1;
  }

  /**
   * Sends a command if connected; resolves with its ack, or null when it was not sent or no ack
   * came within `timeoutMs` (the server died, or the connection dropped mid-flight).
   */
  send(command: ClientCommandInput, timeoutMs = 3000): Promise<CommandAck | null> {
    if (!this.socket.connected) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.socket
        .timeout(timeoutMs)
        .emit('command', command, (error: Error | null, ack: CommandAck) => resolve(error ? null : ack));
    });
  }

  /**
   * The server's current view for this socket, or null if none came: a resync sends a player's `me`,
   * then the `view`, then the ack naming its seq.
   */
  resync(timeoutMs = 5000): Promise<ViewMessage | null> {
    return new Promise((resolve) => {
      this.socket.timeout(timeoutMs).emit('resync', (error: Error | null, ack: ResyncAck) => {
        resolve(!error && ack.ok && this.latest?.seq === ack.seq ? this.latest : null);
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}
