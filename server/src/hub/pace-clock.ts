import { phaseOf } from '@chaos-quest/engine';
import type { LiveSession } from './live-session.ts';

/**
 * Paced mode: while a session runs with `state.pace` set, a timer asks for one logged `clock.tick`
 * every `pace` seconds. The ticks are ordinary commands in the log, so a replay stays exact; the
 * timer itself is never state, and is set again from `state.pace` when a session is loaded.
 */
export class PaceClock {
  private readonly timers = new Map<string, { pace: number; timer: NodeJS.Timeout }>();
  private readonly tick: (sessionId: string) => void;

  constructor(tick: (sessionId: string) => void) {
    this.tick = tick;
  }

  /** Starts, re-paces or stops the session's timer to match its state. */
  sync(session: LiveSession): void {
    const { state } = session;
    const wanted = state.pace !== null && phaseOf(state) === 'running' ? state.pace : null;
    const current = this.timers.get(session.id);
    if (current?.pace === wanted) return;
    this.stop(session.id);
    if (wanted === null) return;
    const timer = setInterval(() => this.tick(session.id), wanted * 1000);
    this.timers.set(session.id, { pace: wanted, timer });
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
    if (current) clearInterval(current.timer);
    this.timers.delete(sessionId);
  }

  stopAll(): void {
    for (const id of [...this.timers.keys()]) this.stop(id);
  }
}
