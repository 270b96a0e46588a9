import { io, type Socket } from 'socket.io-client';

/**
 * What a load socket receives from either server: a whole `{ seq, view }` on `view` (on connect),
 * then `{ seq, base, patch }` on `patch` after each command, and acks on `command` (and from ours, `me`).
 */
export type Ack = { ok: true; seq: number } | { ok: false; error: { code: string; message: string } };

// engine.io has already stripped its own packet type (4, message): what is left is socket.io's (2, event).
const VIEW_FRAME = '2["view"';
const PATCH_FRAME = '2["patch"';
const ME_FRAME = '2["me"';
/** How many patches a sampling socket keeps for the bare relay to send back. */
const SAMPLE_LIMIT = 400;

/**
 * One real socket.io-client websocket of the load generator. It keeps only what the benchmark
 * needs: the highest seq seen in a view or patch, how many of those update frames arrived, the
 * bytes on the wire of those and of the `me` frames (a player's own part, which completes an
 * update), and whether the server dropped it. Messages are parsed (socket.io does that) and
 * dropped, unless the socket is sampling (see `sample`).
 */
export class LoadSocket {
  readonly socket: Socket;
  latestSeq = -1;
  /** `view` and `patch` frames received: one per update. */
  updates = 0;
  /** Bytes of every `view`, `patch` and `me` frame received. */
  updateBytes = 0;
  drops = 0;
  /** The first whole view, and while `sampling`, the patches received (for the bare relay to copy). */
  firstView: unknown = null;
  sampling = false;
  readonly sampledPatches: unknown[] = [];
  private onUpdate: (() => void) | null = null;

  private constructor(socket: Socket) {
    this.socket = socket;
    const onSeq = (seq: number) => {
      if (seq > this.latestSeq) this.latestSeq = seq;
      this.onUpdate?.();
    };
    socket.on('view', (message: { seq: number; view: unknown }) => {
      this.firstView ??= message.view;
      onSeq(message.seq);
    });
    socket.on('patch', (message: { seq: number; patch: unknown }) => {
      if (this.sampling && this.sampledPatches.length < SAMPLE_LIMIT) this.sampledPatches.push(message.patch);
      onSeq(message.seq);
    });
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') this.drops += 1;
    });
    // Bytes are counted on the engine.io frames, before socket.io decodes them.
    socket.io.on('open', () => {
      socket.io.engine.on('data', (data: unknown) => {
        if (typeof data !== 'string') return;
        const update = data.startsWith(PATCH_FRAME) || data.startsWith(VIEW_FRAME);
        if (!update && !data.startsWith(ME_FRAME)) return;
        if (update) this.updates += 1;
        this.updateBytes += Buffer.byteLength(data, 'utf8');
      });
    });
  }

  /**
   * Connects over the websocket transport only and resolves once the first view has arrived.
   * Rejects with the server's message on a refused handshake, or after `timeoutMs`.
   */
  static connect(
    url: string,
    auth: Record<string, unknown>,
    options: { timeoutMs?: number } = {},
  ): Promise<LoadSocket> {
    const socket = io(url, {
      auth,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: options.timeoutMs ?? 20_000,
    });
    const client = new LoadSocket(socket);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.close();
        reject(new Error('no first view in time'));
      }, options.timeoutMs ?? 20_000);
      socket.once('connect_error', (error) => {
        clearTimeout(timer);
        socket.close();
        reject(error);
      });
      socket.once('view', () => {
        clearTimeout(timer);
        resolve(client);
      });
    });
  }

  /** Called after every view or patch this socket receives (one listener; null removes it). */
  watch(listener: (() => void) | null): void {
    this.onUpdate = listener;
  }

  /** Emits a command; resolves with its ack, or with null when none came within `timeoutMs`. */
  send(payload: unknown, timeoutMs = 10_000): Promise<Ack | null> {
    return new Promise((resolve) => {
      this.socket
        .timeout(timeoutMs)
        .emit('command', payload, (error: Error | null, ack: Ack) => resolve(error ? null : ack));
    });
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * Opens `count` sockets with at most `concurrency` handshakes in flight, so a few thousand
 * sockets do not all knock at once. Rejects on the first socket that cannot connect (the others
 * opened so far are closed).
 */
export async function connectAll(
  url: string,
  auths: readonly Record<string, unknown>[],
  concurrency = 100,
): Promise<LoadSocket[]> {
  const sockets: LoadSocket[] = new Array<LoadSocket>(auths.length);
  let next = 0;
  const worker = async () => {
    while (next < auths.length) {
      const i = next++;
      sockets[i] = await LoadSocket.connect(url, auths[i] as Record<string, unknown>, {});
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, auths.length) }, worker));
  } catch (error) {
    for (const socket of sockets) socket?.close();
    throw error;
  }
  return sockets;
}
