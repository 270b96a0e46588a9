import { phaseOf } from '@chaos-quest/engine';
import type { LiveSession } from './live-session.ts';

interface Running {
  pace: number;
  timer: NodeJS.Timeout;
  /** When the minute under way began (wall ms): a pause keeps what is left of it. */
  since: number;
}

/**
 * Paced mode: while a session runs with `state.pace` set, a timer asks for one logged `clock.tick`
 * every `pace` seconds. The ticks are ordinary commands in the log, so a replay stays exact; the
 * timer itself is never state, and is set again from `state.pace` when a session is loaded.
 *
 * A pause stops the timer and keeps the rest of the minute under way, so that after the resume the
 * next tick comes when that minute is up: not a whole minute late, and never a burst of the minutes
 * the pause lasted (nothing timed fires late or twice).
 */
export class PaceClock {
  private readonly timers = new Map<string, Running>();
  /** What was left of the minute under way when a pause stopped the timer, at that pace. */
  private readonly left = new Map<string, { pace: number; ms: number }>();
  private readonly tick: (sessionId: string) => void;
  private readonly now: () => number;

  constructor(tick: (sessionId: string) => void, now: () => number = Date.now) {
    this.tick = tick;
    this.now = now;
  }

  /** Starts, re-paces, pauses or stops the session's timer to match its state. */
  sync(session: LiveSession): void {
    const { state } = session;
    const phase = phaseOf(state);
    const wanted = state.pace !== null && phase === 'running' ? state.pace : null;
    const current = this.timers.get(session.id);
    if (current?.pace === wanted) return;
    if (current && phase === 'paused' && state.pace === current.pace)
      this.left.set(session.id, { pace: current.pace, ms: current.pace * 1000 - (this.now() - current.since) });
    this.stop(session.id);
    if (wanted === null) {
      if (phase !== 'paused') this.left.delete(session.id);
      return;
    }
    const rest = this.left.get(session.id);
    this.left.delete(session.id);
    const first = rest?.pace === wanted ? Math.min(Math.max(rest.ms, 0), wanted * 1000) : wanted * 1000;
    this.schedule(session.id, wanted, first);
  }

  running(sessionId: string): boolean {
    return this.timers.has(sessionId);
  }

  /** Seconds per game minute of the session's running timer, or null when none runs. */
  paceOf(sessionId: string): number | null {
    return this.timers.get(sessionId)?.pace ?? null;
  }

  stop(sessionId: string): void {
    const current = this.timers.get(sessionId);
    if (current) clearTimeout(current.timer);
    this.timers.delete(sessionId);
  }

  stopAll(): void {
    for (const id of [...this.timers.keys()]) this.stop(id);
    this.left.clear();
  }

  /** One tick after `delayMs`, then one every `pace` seconds, each minute timed from the tick before. */
  private schedule(sessionId: string, pace: number, delayMs: number): void {
    const since = this.now() - (pace * 1000 - delayMs);
    const timer = setTimeout(() => {
      this.schedule(sessionId, pace, pace * 1000);
      this.tick(sessionId);
    }, delayMs);
    this.timers.set(sessionId, { pace, timer, since });
  }
}
