import { hashToken } from '../auth/tokens.ts';
import { FlowGuard, type SocketLimits } from './flow-guard.ts';

interface Entry {
  guard: FlowGuard;
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
      entry = { guard: new FlowGuard(this.limits, this.now), cutUntil: 0, lastSeen: 0 };
      this.entries.set(key, entry);
    }
    entry.lastSeen = this.now();
    return entry;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.cutUntil <= now && now - entry.lastSeen > FORGET_AFTER_MS) this.entries.delete(key);
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
