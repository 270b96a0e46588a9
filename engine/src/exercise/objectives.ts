import type { Scenario } from '../scenario/schema.ts';
import type { SessionState } from '../session/state.ts';
import type { CriticalTask, Objective } from './objectives-schema.ts';

/** The exercise's objectives: the scenario's own, then those added when the session was created. Pure. */
export function objectivesOf(scenario: Scenario, state: SessionState): Objective[] {
  const added = state.exercise?.objectives ?? [];
  const own = scenario.objectives ?? [];
  return added.length === 0 ? own : [...own, ...added];
}

/** Whether the session has an exercise to evaluate: objectives to rate, or a record already begun. */
export function isExercise(scenario: Scenario, state: SessionState): boolean {
  return state.exercise !== undefined || (scenario.objectives?.length ?? 0) > 0;
}

/**
 * What the engine can say about a critical task from the game's own events: `met` or `missed` for
 * a task with a check (missed only once it can no longer be met: the clock passed its minute, or
 * the game is over), `open` while it still may be, `judged` for a task people rate. Pure.
 */
export type TaskStatus = 'met' | 'missed' | 'open' | 'judged';

export function taskStatus(task: CriticalTask, state: SessionState, over: boolean): TaskStatus {
  const check = task.check;
  if (!check) return 'judged';
  if ('flag' in check) return state.game.context.flags[check.flag] ? 'met' : over ? 'missed' : 'open';
  const reached = state.milestones[check.milestone];
  if (reached) return check.before === undefined || reached.game <= check.before ? 'met' : 'missed';
  const late = check.before !== undefined && state.game.context.clock > check.before;
  return late || over ? 'missed' : 'open';
}
