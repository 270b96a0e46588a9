import { phaseOf } from '@chaos-quest/engine';
import type { LiveSession } from './live-session.ts';

/**
 * How long the console may be gone before a running game pauses by itself: long enough for a reload
 * or a network blip to reconnect (Socket.IO retries within a few seconds), short enough that no
 * inject fires into an unattended table.
 */
export const AUTO_PAUSE_AFTER_MS = 10_000;

/**
 * Pauses a running session whose console seats (the facilitator's and co-facilitators') have all
 * been disconnected for AUTO_PAUSE_AFTER_MS, when the session allows it (TableSettings.autoPause).
 * The pause is a logged `session.autopause`, so it replays like any other command; the timer is
 * never state. `watch` is called whenever connections or the state change.
 */
export class AutoPause {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly pause: (session: LiveSession) => void;
  private readonly afterMs: number;
  private readonly enabled: boolean;

  /**
   * `enabled` is false with several nodes: a node sees only the consoles connected to it, so the node
   * holding a session would pause it while its facilitator sits on another node.
   */
  constructor(pause: (session: LiveSession) => void, afterMs = AUTO_PAUSE_AFTER_MS, enabled = true) {
    this.pause = pause;
    this.afterMs = afterMs;
    this.enabled = enabled;
  }

  watch(session: LiveSession): void {
    if (!this.enabled || !unattended(session)) return this.stop(session.id);
    if (this.timers.has(session.id)) return;
    const timer = setTimeout(() => {
      this.timers.delete(session.id);
      if (unattended(session)) this.pause(session);
    }, this.afterMs);
    timer.unref();
    this.timers.set(session.id, timer);
  }

  stop(sessionId: string): void {
    const timer = this.timers.get(sessionId);
    if (timer) clearTimeout(timer);
    this.timers.delete(sessionId);
  }

  stopAll(): void {
    for (const id of [...this.timers.keys()]) this.stop(id);
  }
}

function unattended(session: LiveSession): boolean {
  const { state } = session;
  if (!state.table.autoPause || phaseOf(state) !== 'running') return false;
  for (const connection of session.connections.values()) if (connection.console !== null) return false;
  return true;
}
