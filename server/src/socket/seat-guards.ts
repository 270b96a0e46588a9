import { hashToken } from '../auth/tokens.ts';
import { TokenBucket } from '../auth/token-bucket.ts';
import { FlowGuard, type SocketLimits } from './flow-guard.ts';

interface Entry {
  guard: FlowGuard;
  /** Sockets of this seat open now, or admitted and still in their handshake. */
  open: number;
  connects: TokenBucket;
  /** Refuse new sockets of this seat until then (ms since the epoch); 0 when not cut. */
  cutUntil: number;
  lastSeen: number;
}

/** Forget a quiet seat's buckets after this long; they would have refilled by then anyway. */
const FORGET_AFTER_MS = 60_000;
const DEFAULT_CUT_COOLDOWN_MS = 10_000;

/**
 * Flow control per seat rather than per socket. A flooding client that reconnects keeps its
 * spent buckets instead of getting a fresh burst each time, and once cut it is refused at the
 * handshake for the cool-down, so reconnecting in a loop earns it a refused handshake, not
 * another burst of commands that every socket of its session must be sent views for. Seats gone
 * quiet are swept, so memory follows recent clients.
 */
export class SeatGuards {
  private readonly entries = new Map<string, Entry>();
  private readonly limits: SocketLimits;
  private readonly now: () => number;
  private calls = 0;

  constructor(limits: SocketLimits, now: () => number = Date.now) {
    this.limits = limits;
    this.now = now;
  }

  /** Milliseconds until a socket of `key` may connect again; 0 when it may now. */
  coolingDown(key: string): number {
    const entry = this.entries.get(key);
    return entry ? Math.max(0, entry.cutUntil - this.now()) : 0;
  }

  /**
   * Counts a new socket of `key` in, or says why not: too many open at once, or too many new ones
   * lately. Every admitted socket must be `release`d once, when it closes or its handshake fails.
   */
  admit(key: string): string | null {
    const entry = this.entry(key);
    if (entry.open >= this.limits.socketsPerSeat) {
      return `This seat already has ${this.limits.socketsPerSeat} connections open. Close another tab or device first.`;
    }
    if (!entry.connects.take())
      return 'Too many new connections for this seat. Wait a few seconds before reconnecting.';
    entry.open += 1;
    return null;
  }

  release(key: string): void {
    const entry = this.entries.get(key);
    if (entry && entry.open > 0) entry.open -= 1;
  }

  /** The guard every socket of `key` shares. */
  guard(key: string): FlowGuard {
    if (++this.calls % 1000 === 0) this.sweep();
    return this.entry(key).guard;
  }

  /** Records that a socket of `key` was cut for flooding: the seat cools down before it may connect again. */
  cut(key: string): void {
    this.entry(key).cutUntil = this.now() + (this.limits.cutCooldownMs ?? DEFAULT_CUT_COOLDOWN_MS);
  }

  private entry(key: string): Entry {
    let entry = this.entries.get(key);
    if (!entry) {
      const { burst, perSecond } = this.limits.connects;
      entry = {
        guard: new FlowGuard(this.limits, this.now),
        open: 0,
        connects: new TokenBucket(burst, perSecond, this.now),
        cutUntil: 0,
        lastSeen: 0,
      };
      this.entries.set(key, entry);
    }
    entry.lastSeen = this.now();
    return entry;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.open === 0 && entry.cutUntil <= now && now - entry.lastSeen > FORGET_AFTER_MS) this.entries.delete(key);
    }
  }
}

/**
 * Whose limits a handshake spends: a token's seat (by its hash, never the token itself), or an
 * observer's address. Anything else (a handshake that will be refused anyway) shares one key per address.
 */
export function seatKeyOf(auth: unknown, address: string): string {
  const token = typeof auth === 'object' && auth !== null ? (auth as { token?: unknown }).token : undefined;
  return typeof token === 'string' ? `token:${hashToken(token)}` : `address:${address}`;
}
