import { EXPECTABLE_MILESTONES, type Expectation } from '../scenario/tests-schema.ts';
import { phaseOf, sceneOf } from '../session/phase.ts';
import type { SessionState } from '../session/state.ts';

/** The milestones a test can expect that `state` has reached, in their order. Pure. */
export function reachedMilestones(state: SessionState): (typeof EXPECTABLE_MILESTONES)[number][] {
  return EXPECTABLE_MILESTONES.filter((m) => state.milestones[m] !== undefined);
}

/** What is wrong with `state` against `expected`, or null when it matches. Pure. */
export function mismatch(state: SessionState, expected: Expectation): string | null {
  const { context } = state.game;
  const problems: string[] = [];
  if (expected.ending !== undefined && context.ending !== expected.ending)
    problems.push(`expected ending '${expected.ending}', ${reached(state)}`);
  if (expected.outcome !== undefined && context.outcome !== expected.outcome)
    problems.push(`expected outcome ${expected.outcome}, got ${context.outcome ?? 'none (the game still runs)'}`);
  if (expected.milestones) {
    const got = reachedMilestones(state);
    const want = EXPECTABLE_MILESTONES.filter((m) => expected.milestones?.includes(m));
    if (got.join() !== want.join()) problems.push(`expected milestones [${want.join(', ')}], got [${got.join(', ')}]`);
  }
  for (const [flag, value] of Object.entries(expected.flags ?? {}))
    if ((context.flags[flag] ?? false) !== value) problems.push(`expected flag '${flag}' to be ${value}`);
  if (expected.scene !== undefined && sceneOf(state) !== expected.scene)
    problems.push(`expected to be in scene '${expected.scene}', ${reached(state)}`);
  if (expected.clock_at_least !== undefined && context.clock < expected.clock_at_least)
    problems.push(`expected the clock at ${expected.clock_at_least} min or later, it reads ${context.clock}`);
  if (expected.clock_at_most !== undefined && context.clock > expected.clock_at_most)
    problems.push(`expected the clock at ${expected.clock_at_most} min or earlier, it reads ${context.clock}`);
  return problems.length === 0 ? null : `${problems.join('; ')}.`;
}

function reached(state: SessionState): string {
  const { ending } = state.game.context;
  if (ending) return `reached ending '${ending}'`;
  const scene = sceneOf(state);
  return scene ? `the game is ${phaseOf(state)} in scene '${scene}'` : `the game is ${phaseOf(state)}`;
}
