import { AddressLimiter } from './address-limiter.ts';

/**
 * Counts failures per key (a client address) and says when a key has used them up. Unlike a limiter
 * that spends on every attempt, only failures cost, and a key that is out is refused before its next
 * attempt is even checked: otherwise a right guess would still answer differently from a wrong one,
 * and the throttle would not slow guessing at all.
 */
export class FailureThrottle extends AddressLimiter {
  /** Records one failure of `key`. */
  fail(key: string): void {
    this.take(key);
  }
}
