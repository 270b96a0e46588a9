import { STATE_VERSION, type SessionState } from '@chaos-quest/engine';
import type { Snapshot } from '../store/store.ts';

/** A snapshot of `state`, tagged with the engine's STATE_VERSION. */
export function snapshotOf(state: SessionState): Snapshot {
  return { seq: state.seq, state: JSON.stringify({ version: STATE_VERSION, state }) };
}

/**
 * The state a snapshot holds, or null when it was written for another shape of state (an older
 * engine): the session is then rebuilt from its log, which is always the truth.
 */
export function stateOfSnapshot(snapshot: Snapshot): SessionState | null {
  const parsed = JSON.parse(snapshot.state) as { version?: unknown; state?: SessionState };
  return parsed.version === STATE_VERSION && parsed.state ? parsed.state : null;
}
