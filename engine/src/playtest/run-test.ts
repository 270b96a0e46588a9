import type { Scenario } from '../scenario/schema.ts';
import type { ScenarioTest } from '../scenario/tests-schema.ts';
import { createSession } from '../session/create.ts';
import type { SessionState } from '../session/state.ts';
import { mismatch } from './expectation.ts';
import { describeStep, EPOCH, playStep, startedSession } from './play-step.ts';

export { mismatch } from './expectation.ts';
export { describeStep } from './play-step.ts';

/** Where a test went wrong: a step's index, or null for the test's final `expect`. */
export interface TestFailure {
  step: number | null;
  message: string;
}

export interface TestResult {
  name: string;
  failure: TestFailure | null;
  state: SessionState;
}

/**
 * Plays one scripted test through the real engine, from a fresh session with its seats briefed and
 * started. Pure. Stops at the first step the engine refuses or whose `expect` does not hold, and
 * names it; otherwise checks the test's final `expect`.
 */
export function runScenarioTest(scenario: Scenario, test: ScenarioTest): TestResult {
  const seats = test.seats ?? scenario.roles.map((r) => r.id);
  const started = startedSession(scenario, test.seed ?? `test:${test.name}`, seats, test.parameters);
  if (typeof started === 'string') {
    const fresh = createSession(scenario, 'test', { scenarioHash: 'test', createdAt: EPOCH });
    return { name: test.name, failure: { step: null, message: started }, state: fresh };
  }
  let state = started;
  for (const [index, s] of test.steps.entries()) {
    const played = playStep(scenario, state, s);
    if (!played.ok)
      return { name: test.name, failure: { step: index, message: `${describeStep(s)}: ${played.message}` }, state };
    state = played.state;
  }
  const wrong = mismatch(state, test.expect);
  return { name: test.name, failure: wrong ? { step: null, message: wrong } : null, state };
}
