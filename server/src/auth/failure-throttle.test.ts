import { describe, expect, it } from 'vitest';
import { FailureThrottle } from './failure-throttle.ts';

describe('FailureThrottle', () => {
  it('lets a key fail `capacity` times, then makes it wait one refill per further try', () => {
    let now = 0;
    const throttle = new FailureThrottle({ capacity: 5, perSecond: 1 / 10, now: () => now });
    for (let i = 0; i < 5; i++) {
      expect(throttle.waitMs('a')).toBe(0);
      throttle.fail('a');
    }
    expect(throttle.waitMs('a')).toBe(10_000);
    expect(throttle.waitMs('b')).toBe(0);
    now = 9_000;
    expect(throttle.waitMs('a')).toBe(1_000);
    now = 10_000;
    expect(throttle.waitMs('a')).toBe(0);
    throttle.fail('a');
    expect(throttle.waitMs('a')).toBe(10_000);
  });

  it('never counts successes: a key that does not fail is never held back', () => {
    const throttle = new FailureThrottle({ capacity: 1, perSecond: 0.001, now: () => 0 });
    for (let i = 0; i < 100; i++) expect(throttle.waitMs('a')).toBe(0);
  });
});
