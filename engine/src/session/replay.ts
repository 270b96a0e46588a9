import type { LoggedCommand } from '../protocol/commands.ts';
import type { Scenario } from '../scenario/schema.ts';
import { createSession, type SessionOptions } from './create.ts';
import type { StepError } from './errors.ts';
import type { SessionState } from './state.ts';
import { stepWith } from './step.ts';
import { ownLists } from './draft.ts';

/**
 * Rebuilds a session from its log, from scratch or from a snapshot `from`. Pure and deterministic:
 * the same inputs give the same state on any machine. Returns an error naming the first entry
 * the engine refuses (a log written by a different engine version, say).
 */
export function replay(
  scenario: Scenario,
  seed: string,
  log: Iterable<LoggedCommand>,
  options: SessionOptions,
  from?: SessionState,
): { ok: true; state: SessionState } | { ok: false; error: StepError; seq: number; state: SessionState } {
  // Replay owns every intermediate state, so appends go in place after one copy of the lists.
  let state = ownLists(from ?? createSession(scenario, seed, options));
  for (const entry of log) {
    if (entry.seq <= state.seq) continue;
    const result = stepWith(scenario, state, entry, 'replay');
    if (!result.ok) return { ok: false, error: result.error, seq: entry.seq, state };
    state = result.state;
  }
  return { ok: true, state };
}
