import type { Scenario } from '../scenario/schema.ts';
import type { TestStep } from '../scenario/tests-schema.ts';
import { createSession } from '../session/create.ts';
import type { SessionState } from '../session/state.ts';
import { EPOCH, playStep, startedSession } from './play-step.ts';

export { openActions, type ActionActor, type CheckOffer, type OpenAction, type RollOffer } from './open-actions.ts';
export { stateSummary, type StateSummary } from './state-summary.ts';
export { pathAsTest, type PathTest } from './path-as-test.ts';
export { describeStep } from './play-step.ts';

/**
 * The studio's solo playtest: one author plays every role and the facilitator through the same steps
 * a scenario's `tests:` use. A path is only ever replayed from the start with a fixed seed, so
 * stepping back is replaying a prefix, and a changed file replays the same path on its new version.
 */

export interface ReplayOptions {
  seed: string;
  /** Format 1.1's session parameters, as the facilitator picks them; the scenario's defaults when left out. */
  parameters?: Record<string, string>;
  /** The roles seated, one player each; every role of the scenario when left out. */
  seats?: readonly string[];
}

/** A step of the path that no longer fits the scenario, with the engine's reason. */
export interface BrokenStep {
  /** Its index in the path; -1 when the table itself could not be set up. */
  index: number;
  message: string;
}

export interface Replay {
  /** The state the path starts from: every seat taken, briefed and started. */
  start: SessionState;
  /** The state after each step that fits, in order: `states[i]` follows `steps[i]`. */
  states: SessionState[];
  /** The state after the last step that fits (`start` when none does). */
  state: SessionState;
  /** The first step that no longer fits, or null when the whole path does. */
  broken: BrokenStep | null;
}

/**
 * Replays `steps` on `scenario` from a fresh table seeded with `options.seed`, stopping at the first
 * step the engine refuses (or whose `expect` does not hold): the steps before it still count. Pure
 * and deterministic; never throws for a path that does not fit.
 */
export function replayPath(scenario: Scenario, steps: readonly TestStep[], options: ReplayOptions): Replay {
  const seats = options.seats ?? scenario.roles.map((r) => r.id);
  const start = startedSession(scenario, options.seed, seats, options.parameters);
  if (typeof start === 'string') {
    const fresh = createSession(scenario, options.seed, { scenarioHash: 'test', team: 'test', createdAt: EPOCH });
    return { start: fresh, states: [], state: fresh, broken: { index: -1, message: start } };
  }
  const states: SessionState[] = [];
  let state = start;
  for (const [index, s] of steps.entries()) {
    const played = playStep(scenario, state, s);
    if (!played.ok) return { start, states, state, broken: { index, message: played.message } };
    state = played.state;
    states.push(state);
  }
  return { start, states, state, broken: null };
}
