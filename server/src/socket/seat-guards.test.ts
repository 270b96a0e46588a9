import { describe, expect, it } from 'vitest';
import { SeatGuards, seatKeyOf } from './seat-guards.ts';

describe('SeatGuards', () => {
  const limits = { maxCommandBytes: 100, perSecond: 1, burst: 2, strikes: 1, cutCooldownMs: 5000 };

  it('gives a reconnecting seat its spent bucket, not a fresh burst', () => {
    const guards = new SeatGuards(limits, () => 0);
    const first = guards.guard('token:a');
    expect([first.check([{}]).pass, first.check([{}]).pass, first.check([{}]).pass]).toEqual([true, true, false]);
    const again = guards.guard('token:a');
    expect(again.check([{}]).pass).toBe(false);
    expect(guards.guard('token:b').check([{}]).pass).toBe(true);
  });

  it('refuses a cut seat until its cool-down has passed, and only that seat', () => {
    let t = 1000;
    const guards = new SeatGuards(limits, () => t);
    guards.guard('token:a');
    guards.cut('token:a');
    expect(guards.coolingDown('token:a')).toBe(5000);
    expect(guards.coolingDown('token:b')).toBe(0);
    t += 4999;
    expect(guards.coolingDown('token:a')).toBe(1);
    t += 1;
    expect(guards.coolingDown('token:a')).toBe(0);
  });
});

describe('seatKeyOf', () => {
  it('keys a token seat by the token’s hash, never the token, and anything else by address', () => {
    const key = seatKeyOf({ token: 'secret-token-value' }, '10.0.0.1');
    expect(key).toMatch(/^token:[0-9a-f]{64}$/);
    expect(key).not.toContain('secret');
    expect(seatKeyOf({ token: 'secret-token-value' }, '10.0.0.2')).toBe(key);
    expect(seatKeyOf({ observe: 'ABCDEF' }, '10.0.0.1')).toBe('address:10.0.0.1');
    expect(seatKeyOf(null, '10.0.0.1')).toBe('address:10.0.0.1');
  });
});
