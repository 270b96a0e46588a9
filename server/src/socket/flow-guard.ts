import type { CommandAck } from '@chaos-quest/engine';
import { TokenBucket } from '../auth/token-bucket.ts';

/** Per-seat limits (the sockets of one token share them; see SeatGuards). */
export interface SocketLimits {
  /** Largest command accepted, in bytes of JSON. */
  maxCommandBytes: number;
  /** Sustained messages per second, and the burst allowed above it. */
  perSecond: number;
  burst: number;
  /** How many refused messages (over the rate or the size) a socket may send before it is cut; refills at one a second. */
  strikes: number;
  /** How long a seat cut for flooding is refused at the handshake (default 10 s). */
  cutCooldownMs?: number;
  /** Sockets one seat may hold open at once (a player's tabs and devices); observers count per address. */
  socketsPerSeat: number;
  /** New sockets per seat: a burst, then this many a second (a reconnecting player needs one every few seconds). */
  connects: { burst: number; perSecond: number };
  /** Resyncs per socket: a burst, then this many a second (a client that lost a patch needs one). */
  resyncs: { burst: number; perSecond: number };
  /** Output a socket may have waiting to be sent before it is cut (it reconnects and resyncs later). */
  maxBufferedBytes: number;
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  maxCommandBytes: 64 * 1024,
  perSecond: 20,
  burst: 40,
  strikes: 20,
  cutCooldownMs: 10_000,
  socketsPerSeat: 4,
  connects: { burst: 8, perSecond: 0.5 },
  resyncs: { burst: 3, perSecond: 1 },
  maxBufferedBytes: 2 * 1024 * 1024,
};

export type Verdict = { pass: true } | { pass: false; ack: Extract<CommandAck, { ok: false }>; cut: boolean };

/**
 * Flow control for one seat's sockets: a token bucket for the message rate, a size cap, and a
 * strike bucket so that a client that keeps pushing past the limits is cut while others carry on.
 */
export class FlowGuard {
  private readonly rate: TokenBucket;
  private readonly strikes: TokenBucket;
  private readonly limits: SocketLimits;

  constructor(limits: SocketLimits, now: () => number = Date.now) {
    this.limits = limits;
    this.rate = new TokenBucket(limits.burst, limits.perSecond, now);
    this.strikes = new TokenBucket(limits.strikes, 1, now);
  }

  /** Checks one incoming message's size (`args` as received) and the socket's rate. */
  check(args: unknown[]): Verdict {
    const bytes = sizeOf(args);
    if (bytes > this.limits.maxCommandBytes) {
      return this.refuse('too-large', `The message is ${bytes} bytes; the limit is ${this.limits.maxCommandBytes}.`);
    }
    if (!this.rate.take())
      return this.refuse('rate-limited', `Slow down: at most ${this.limits.perSecond} messages a second.`);
    return { pass: true };
  }

  private refuse(code: 'too-large' | 'rate-limited', message: string): Verdict {
    return { pass: false, ack: { ok: false, error: { code, message } }, cut: !this.strikes.take() };
  }
}

/** JSON size of a message's arguments (the ack callback is not data and is left out). */
function sizeOf(args: unknown[]): number {
  try {
    return Buffer.byteLength(JSON.stringify(args.filter((a) => typeof a !== 'function')) ?? '', 'utf8');
  } catch {
    // A value JSON cannot hold (a cycle cannot arrive over the wire, but be safe): treat as too big.
    return Number.POSITIVE_INFINITY;
  }
}
