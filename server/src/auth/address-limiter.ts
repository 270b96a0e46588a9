import { TokenBucket } from './token-bucket.ts';

/**
 * One token bucket per key (a client address), for lookups that must not be brute-forced, such as
 * join codes. Buckets that have refilled are swept, so memory stays bounded by recent callers.
 */
export class AddressLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly capacity: number;
  private readonly perSecond: number;
  private readonly now: () => number;
  private calls = 0;

  constructor(options: { capacity: number; perSecond: number; now?: () => number }) {
    this.capacity = options.capacity;
    this.perSecond = options.perSecond;
    this.now = options.now ?? Date.now;
  }

  /** Spends one attempt for `key`; false when that key has none left. */
  take(key: string): boolean {
    if (++this.calls % 1000 === 0) this.sweep();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.capacity, this.perSecond, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }

  /** Milliseconds until `key` may try again; 0 when it may now (spends nothing). */
  waitMs(key: string): number {
    return this.buckets.get(key)?.waitMs() ?? 0;
  }

  private sweep(): void {
    for (const [key, bucket] of this.buckets) if (bucket.full()) this.buckets.delete(key);
  }
}
