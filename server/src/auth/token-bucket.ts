/**
 * A token bucket: `capacity` tokens, refilled at `perSecond`. Each take() spends one token and
 * says whether one was there. The clock is injectable so the arithmetic can be tested exactly.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly capacity: number;
  private readonly perSecond: number;
  private readonly now: () => number;

  constructor(capacity: number, perSecond: number, now: () => number = Date.now) {
    this.capacity = capacity;
    this.perSecond = perSecond;
    this.now = now;
    this.tokens = capacity;
    this.last = now();
  }

  /** Spends `count` tokens (default one); false (and nothing spent) when there are not that many. */
  take(count = 1): boolean {
    if (!this.has(count)) return false;
    this.tokens -= count;
    return true;
  }

  /** Whether `count` tokens are there now; spends nothing. */
  has(count = 1): boolean {
    this.refill();
    return this.tokens >= count;
  }

  /** Milliseconds until `count` tokens are there; 0 when they are now. */
  waitMs(count = 1): number {
    this.refill();
    return this.tokens >= count ? 0 : Math.ceil(((count - this.tokens) / this.perSecond) * 1000);
  }

  /** True when the bucket has refilled completely, so its owner can forget it. */
  full(): boolean {
    this.refill();
    return this.tokens >= this.capacity;
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
  }
}
