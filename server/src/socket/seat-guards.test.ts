import { describe, expect, it } from 'vitest';
import { DEFAULT_SOCKET_LIMITS } from './flow-guard.ts';
import { SeatGuards, seatKeyOf } from './seat-guards.ts';

describe('SeatGuards', () => {
  const limits = {
    ...DEFAULT_SOCKET_LIMITS,
    maxCommandBytes: 100,
    perSecond: 1,
    burst: 2,
    strikes: 1,
    cutCooldownMs: 5000,
  };

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

describe('SeatGuards.admit', () => {
  it('admits a seat’s sockets up to its limit, and one more once one is released', () => {
    const guards = new SeatGuards({ ...DEFAULT_SOCKET_LIMITS, socketsPerSeat: 2 }, () => 0);
    expect([guards.admit('token:a'), guards.admit('token:a')]).toEqual([null, null]);
    expect(guards.admit('token:a')).toMatch(/already has 2 connections open/);
    expect(guards.admit('token:b')).toBeNull();
    guards.release('token:a');
    expect(guards.admit('token:a')).toBeNull();
  });

  it('refuses a seat that opens new sockets faster than its connect budget', () => {
    let t = 0;
    const guards = new SeatGuards(
      { ...DEFAULT_SOCKET_LIMITS, socketsPerSeat: 100, connects: { burst: 3, perSecond: 0.5 } },
      () => t,
    );
    const verdicts = Array.from({ length: 4 }, () => {
      const refused = guards.admit('token:a');
      guards.release('token:a');
      return refused;
    });
    expect(verdicts.slice(0, 3)).toEqual([null, null, null]);
    expect(verdicts[3]).toMatch(/Too many new connections/);
    t += 2000;
    expect(guards.admit('token:a')).toBeNull();
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
