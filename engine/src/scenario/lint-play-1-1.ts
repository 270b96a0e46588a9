import { gameOf } from '../compile/game.ts';
import { dueAt, timingOf } from '../compile/story-1-1.ts';
import type { Exploration, ExploredState } from '../playtest/explore.ts';
import type { Reporter } from './reporter.ts';
import { injects } from './scenario-parts.ts';
import type { Scenario } from './schema.ts';

/** "the one state" or "all 12 states". */
const statesPhrase = (n: number) => (n === 1 ? 'the one state' : `all ${n} states`);

/** CQ2026 for a 1.1 deadline: its `from` never holds, or it runs but its `met_when` never holds in time. */
function deadlinesNeverHold(scenario: Scenario, ex: Exploration, report: Reporter): void {
  const playing = ex.states.filter((s) => s.scene !== null);
  for (const [i, deadline] of (scenario.deadlines ?? []).entries()) {
    const states = ex.states.map((s) => s.context.deadlines?.[deadline.id]?.state);
    if (!states.some((s) => s !== undefined))
      report.at(
        'CQ2026',
        ['deadlines', i, 'from'],
        `the deadline '${deadline.id}' never starts: its \`from\` is false in ${statesPhrase(playing.length)} the table can reach. Loosen the condition, or make something in play set it.`,
      );
    else if (!states.includes('met'))
      report.at(
        'CQ2026',
        ['deadlines', i, 'met_when'],
        `the deadline '${deadline.id}' is never met: its \`met_when\` never holds while it runs, in any state the table can reach. Loosen the condition, or give the table a way to meet it in time.`,
      );
  }
}

/** Whether a timed inject is due, in its scene or module, and not past its window in `state`. */
function dueIn(state: ExploredState, inject: ReturnType<typeof timingOf>, scene: string | null): boolean {
  if (state.scene === null || (scene !== null && state.scene !== scene)) return false;
  if (state.context.missed?.includes(inject.inject)) return false;
  const due = dueAt(state.context, inject);
  return due !== null && state.context.clock >= due;
}

/** CQ2026 for a 1.1 timed inject with a `when`: due in some state the table reaches, yet it never fires. */
function injectsNeverFire(scenario: Scenario, ex: Exploration, report: Reporter): void {
  const game = gameOf(scenario);
  for (const { value: inject, path } of injects(scenario)) {
    if (!inject.when || (inject.at === undefined && inject.after === undefined)) continue;
    const held = game.injects.get(inject.id);
    const timing = timingOf(inject, held?.module ?? null);
    const due = ex.states.filter((s) => dueIn(s, timing, held?.scene ?? null));
    if (due.length === 0 || ex.states.some((s) => s.context.revealed.includes(inject.id))) continue;
    report.at(
      'CQ2026',
      [...path, 'when'],
      `the inject '${inject.id}' never fires: its \`when\` is false in ${statesPhrase(due.length)} where it is due. Loosen the condition, or time the inject where it can hold.`,
    );
  }
}

/** CQ2026 for format 1.1's own conditions: deadlines and timed injects. Pure; needs a complete exploration. */
export function lintPlay1_1(scenario: Scenario, ex: Exploration, report: Reporter): void {
  deadlinesNeverHold(scenario, ex, report);
  injectsNeverFire(scenario, ex, report);
}
