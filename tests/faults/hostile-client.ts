import type { CommandAck, JoinResponse, ResyncAck } from '@chaos-quest/engine';
import { io, type Socket } from 'socket.io-client';

/** What a hostile client tallies: each refusal by its error code or handshake message. */
export class Tally {
  readonly counts = new Map<string, number>();

  add(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
  }

  get(what: string): number {
    return this.counts.get(what) ?? 0;
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}

/**
 * Joins `want` seats with one join code, in order, stopping at the first refusal (the session's
 * seat budget). Resolves with the seats taken and the refusal's `{ status, code }`, if any.
 */
export async function joinMany(
  url: string,
  joinCode: string,
  want: number,
): Promise<{ seats: JoinResponse[]; refusal: { status: number; code: string } | null }> {
  const seats: JoinResponse[] = [];
  for (let i = 0; i < want; i++) {
    const response = await fetch(`${url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ joinCode, name: `Mallory ${i + 1}` }),
    });
    const body = (await response.json()) as JoinResponse & { error?: { code: string } };
    if (!response.ok) return { seats, refusal: { status: response.status, code: body.error?.code ?? '?' } };
    seats.push(body);
  }
  return { seats, refusal: null };
}

/** Connects a reading socket.io-client for `token`; rejects with the handshake's refusal. */
export function connectPlain(url: string, token: string): Promise<Socket> {
  const socket = io(url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 10_000,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Emits a command and resolves with its ack's code (`ok` when accepted), or `no-ack` after `timeoutMs`. */
export function commandCode(socket: Socket, command: Record<string, unknown>, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit('command', command, (error: Error | null, ack: CommandAck) => {
      resolve(error ? 'no-ack' : ack.ok ? 'ok' : ack.error.code);
    });
  });
}

/**
 * A socket that completes the Socket.IO handshake and then stops reading: the `ws` WebSocket under
 * engine.io-client is paused (`ws.pause()` pauses its net.Socket), so nothing more is taken off the
 * TCP connection. What the server then writes fills the kernel's buffers and after them the
 * server's own, which is what the backpressure cut must bound. The socket can still send.
 */
export class DeafSocket {
  readonly socket: Socket;
  /** Resolves with null once connected (and deaf), or with the handshake's refusal message. */
  readonly admitted: Promise<string | null>;
  /** Set when the TCP connection closed under it without the test asking (the server cut it). */
  cut = false;
  private closing = false;

  constructor(url: string, token: string) {
    this.socket = io(url, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: 10_000,
    });
    this.admitted = new Promise((resolve) => {
      this.socket.once('connect', () => {
        const transport = this.socket.io.engine.transport as unknown as {
          ws?: { pause(): void; on(event: 'close', f: () => void): void };
        };
        const ws = transport.ws;
        if (!ws)
          throw new Error(
            'engine.io-client no longer keeps its WebSocket as transport.ws: the deaf socket cannot pause it',
          );
        ws.pause();
        // The Socket.IO client no longer reads, so it would never see the close frame; the TCP close is what it gets.
        ws.on('close', () => {
          if (!this.closing) this.cut = true;
        });
        resolve(null);
      });
      this.socket.once('connect_error', (error) => {
        this.socket.close();
        resolve(error.message);
      });
    });
  }

  /** Asks for a resync without waiting: the answer is never read. */
  resync(): void {
    if (this.socket.connected && !this.cut) this.socket.emit('resync', (_ack: ResyncAck) => undefined);
  }

  close(): void {
    this.closing = true;
    this.socket.close();
  }
}
