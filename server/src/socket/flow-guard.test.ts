import { describe, expect, it } from 'vitest';
import { DEFAULT_SOCKET_LIMITS, FlowGuard } from './flow-guard.ts';

describe('FlowGuard', () => {
  const limits = { ...DEFAULT_SOCKET_LIMITS, maxCommandBytes: 100, perSecond: 1, burst: 2, strikes: 2 };

  it('refuses a message over the size cap with too-large', () => {
    const guard = new FlowGuard(limits, () => 0);
    const verdict = guard.check([{ text: 'x'.repeat(200) }]);
    expect(verdict).toMatchObject({ pass: false, ack: { ok: false, error: { code: 'too-large' } }, cut: false });
  });

  it('refuses past the burst, then cuts a socket that keeps going', () => {
    let t = 0;
    const guard = new FlowGuard(limits, () => t);
    const codes = Array.from({ length: 5 }, () => guard.check([{}]));
    expect(codes.map((v) => v.pass)).toEqual([true, true, false, false, false]);
    expect(codes.map((v) => (v.pass ? null : v.cut))).toEqual([null, null, false, false, true]);
    t = 10_000;
    expect(guard.check([{}]).pass).toBe(true);
  });

  it('ignores the ack callback when measuring', () => {
    const guard = new FlowGuard(limits, () => 0);
    expect(guard.check([{ a: 1 }, () => 'x'.repeat(1000)]).pass).toBe(true);
  });
});
