/**
 * Counts failures per key (a client address) in a token bucket and says when a key has used them
 * up. Unlike a limiter that spends on every attempt, only failures cost, and a key that is out is
 * refused before its next attempt is even checked: otherwise a right guess would still answer
 * differently from a wrong one, and the throttle would not slow guessing at all.
 */
export class FailureThrottle {
  private readonly buckets = new Map<string, { tokens: number; last: number }>();
  private readonly capacity: number;
  private readonly perSecond: number;
  private readonly now: () => number;
  private calls = 0;

  constructor(options: { capacity: number; perSecond: number; now?: () => number }) {
    this.capacity = options.capacity;
    this.perSecond = options.perSecond;
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds until `key` may try again; 0 when it may now. */
  waitMs(key: string): number {
    const bucket = this.refilled(key);
    if (!bucket || bucket.tokens >= 1) return 0;
    return Math.ceil(((1 - bucket.tokens) / this.perSecond) * 1000);
  }

  /** Records one failure of `key`. */
  fail(key: string): void {
    if (++this.calls % 1000 === 0) this.sweep();
    const bucket = this.refilled(key) ?? { tokens: this.capacity, last: this.now() };
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    this.buckets.set(key, bucket);
  }

  private refilled(key: string): { tokens: number; last: number } | undefined {
    const bucket = this.buckets.get(key);
    if (!bucket) return undefined;
    const t = this.now();
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((t - bucket.last) / 1000) * this.perSecond);
    bucket.last = t;
    return bucket;
  }

  private sweep(): void {
    for (const key of [...this.buckets.keys()]) if ((this.refilled(key)?.tokens ?? 0) >= this.capacity) this.buckets.delete(key);
  }
}
