import { exampleScenario, FACILITATOR, Table } from '@chaos-quest/engine/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveSession } from './live-session.ts';
import { PaceClock } from './pace-clock.ts';

// The pace clock's timers under vitest's fake clock: which tick comes when is the behaviour under test.
describe('the pace clock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function paced(pace: number) {
    const table = new Table(exampleScenario()).seatAndStart(['ic']);
    table.must(FACILITATOR, { type: 'clock.pace', secondsPerMinute: pace });
    const session = { id: 's1', state: table.state } as unknown as LiveSession;
    let ticks = 0;
    const clock = new PaceClock(() => (ticks += 1));
    const apply = (payload: Parameters<Table['must']>[1]) => {
      table.must(FACILITATOR, payload);
      session.state = table.state;
      clock.sync(session);
    };
    clock.sync(session);
    return { clock, apply, ticks: () => ticks };
  }

  it('ticks once a minute while running, and not at all while paused, however long the pause', () => {
    const { apply, ticks } = paced(10);
    vi.advanceTimersByTime(30_000);
    expect(ticks()).toBe(3);
    apply({ type: 'session.pause' });
    vi.advanceTimersByTime(600_000);
    expect(ticks()).toBe(3);
    apply({ type: 'session.resume' });
    vi.advanceTimersByTime(30_000);
    expect(ticks()).toBe(6);
  });

  it('after a resume, finishes the minute the pause interrupted instead of starting a whole one', () => {
    const { apply, ticks } = paced(10);
    vi.advanceTimersByTime(17_000);
    expect(ticks()).toBe(1);
    apply({ type: 'session.pause' });
    vi.advanceTimersByTime(60_000);
    apply({ type: 'session.resume' });
    // 7 s of that minute had passed: the next tick is 3 s away, not 10, and comes once.
    vi.advanceTimersByTime(2_999);
    expect(ticks()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(ticks()).toBe(2);
    vi.advanceTimersByTime(9_999);
    expect(ticks()).toBe(2);
    vi.advanceTimersByTime(1);
    expect(ticks()).toBe(3);
  });

  it('starts a whole minute when the pace changed during the pause', () => {
    const { apply, ticks } = paced(10);
    vi.advanceTimersByTime(17_000);
    apply({ type: 'session.pause' });
    apply({ type: 'clock.pace', secondsPerMinute: 20 });
    apply({ type: 'session.resume' });
    vi.advanceTimersByTime(19_999);
    expect(ticks()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(ticks()).toBe(2);
  });
});
