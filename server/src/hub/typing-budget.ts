import { TokenBucket } from '../auth/token-bucket.ts';

/**
 * How much one player may add to a session each minute: characters typed and timeline entries. A
 * real player writes a few hundred characters a minute; this stops a seat from filling the
 * session's budgets (SESSION_LIMITS) for everyone else in a few minutes, while it still has to
 * stay under the socket's message rate.
 */
export const PLAYER_MINUTE_BUDGET = {
  /** Characters a minute, and the burst above it (a long paste). */
  text: { perMinute: 2_000, burst: 4_000 },
  /** Timeline entries a minute (a post, a proposal, a raised hand…), and the burst above it. */
  entries: { perMinute: 30, burst: 45 },
} as const;

/** One player's two buckets. The clock is injectable so the arithmetic can be tested exactly. */
export class TypingBudget {
  private readonly text: TokenBucket;
  private readonly entries: TokenBucket;

  constructor(now: () => number = Date.now) {
    const { text, entries } = PLAYER_MINUTE_BUDGET;
    this.text = new TokenBucket(text.burst, text.perMinute / 60, now);
    this.entries = new TokenBucket(entries.burst, entries.perMinute / 60, now);
  }

  /**
   * Spends `chars` characters and `added` timeline entries if both fit; otherwise spends nothing and
   * returns the message to show the player.
   */
  spend(chars: number, added: number): string | null {
    if (!this.text.has(chars)) return 'You have written a lot in the last minute; wait a moment, then send it again.';
    if (!this.entries.has(added))
      return 'You are adding to the timeline faster than the table can read; wait a moment.';
    this.text.take(chars);
    this.entries.take(added);
    return null;
  }
}
