import { gameOf } from '../compile/game.ts';
import { formatOdds } from '../dice/odds.ts';
import { modifierSum, oddsBySum } from '../playtest/check-odds.ts';
import { explore, pathTo, type Exploration, type ExploreMove, type ExploredState } from '../playtest/explore.ts';
import { reachable } from './lint-graph.ts';
import type { Reporter } from './reporter.ts';
import { choices, type Path } from './scenario-parts.ts';
import type { Check, Choice, Scenario } from './schema.ts';

/** "the one state" or "all 12 states". */
const statesPhrase = (n: number) => (n === 1 ? 'the one state' : `all ${n} states`);

const signed = (n: number) => (n < 0 ? ` − ${-n}` : ` + ${n}`);

function describeMove(move: ExploreMove): string {
  if (move.kind === 'choose')
    return move.branch === 'plain' ? `choose ${move.choice}` : `${move.choice} (${move.branch})`;
  if (move.kind === 'advance') return `wait ${move.minutes} min`;
  return `seated: ${move.present.join(', ') || 'nobody'}`;
}

/** "after look, rollback (failure), wait 5 min", the shortest known way to a state. */
function how(ex: Exploration, index: number): string {
  const moves = pathTo(ex, index);
  return moves.length === 0 ? 'at the start' : `after ${moves.map(describeMove).join(', ')}`;
}

const flagsOf = (state: ExploredState) => {
  const on = Object.keys(state.context.flags).filter((f) => state.context.flags[f]);
  return on.length === 0 ? 'no flag set' : `${on.join(', ')} set`;
};

/** CQ2023: an ending whose `when` holds as play starts ends the game before anyone plays. */
function endsAtStart(scenario: Scenario, ex: Exploration, report: Reporter): boolean {
  const ending = ex.states[0]?.ending;
  if (!ending) return false;
  const i = scenario.endings.findIndex((e) => e.id === ending);
  report.at(
    'CQ2023',
    ['endings', i, 'when'],
    `the ending '${ending}' holds as soon as play starts, so the game would end before anyone chooses anything. Make its \`when\` need something the table does (a flag, a visited scene, time).`,
  );
  return true;
}

/** CQ2022 and CQ2026 for endings: reachable by the story's graph, yet no state reaches them. */
function unreachedEndings(scenario: Scenario, ex: Exploration, report: Reporter): void {
  const graph = reachable(scenario).endings;
  const reached = new Set(ex.states.map((s) => s.ending));
  scenario.endings.forEach((ending, i) => {
    if (reached.has(ending.id) || !graph.has(ending.id)) return;
    if (ending.when)
      report.at(
        'CQ2026',
        ['endings', i, 'when'],
        `the ending '${ending.id}' is never reached: its \`when\` is false in ${statesPhrase(ex.states.length)} the table can reach, and no open choice leads to it. Loosen the condition, or add a choice that leads to it.`,
      );
    else
      report.at(
        'CQ2022',
        ['endings', i, 'id'],
        `the ending '${ending.id}' is never reached: every choice that leads to it is closed whenever the party could take it. Check the \`when\` of those choices.`,
      );
  });
}

/** CQ2025: a choice of a scene the table reaches that is open in none of the states there. */
function closedChoices(scenario: Scenario, ex: Exploration, report: Reporter): void {
  for (const { value: choice, path, scene } of choices(scenario)) {
    if (scene === null) continue;
    const there = ex.states.filter((s) => s.scene === scene.id);
    if (there.length === 0 || there.some((s) => s.open.includes(choice.id))) continue;
    report.at(
      'CQ2025',
      choice.when ? [...path, 'when'] : [...path, 'id'],
      `the choice '${choice.id}' never opens: its \`when\` is false in ${statesPhrase(there.length)} the party can be in '${scene.id}'. Loosen the condition or remove the choice.`,
    );
  }
}

/** CQ2024: a state where every choice is closed and waiting opens none (only an ending, if anything). */
function stuckScenes(scenario: Scenario, ex: Exploration, report: Reporter): void {
  const waits = new Map<number, number[]>();
  for (const e of ex.edges) if (e.move.kind === 'advance') waits.set(e.from, [...(waits.get(e.from) ?? []), e.to]);
  const opensByWaiting = (start: number): boolean => {
    const seen = new Set([start]);
    const work = [start];
    for (let at = work.pop(); at !== undefined; at = work.pop()) {
      if ((ex.states[at]?.open.length ?? 0) > 0) return true;
      for (const next of waits.get(at) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        work.push(next);
      }
    }
    return false;
  };
  const reported = new Set<string>();
  ex.states.forEach((state, index) => {
    if (state.scene === null || reported.has(state.scene) || opensByWaiting(index)) return;
    reported.add(state.scene);
    const i = scenario.scenes.findIndex((s) => s.id === state.scene);
    report.at(
      'CQ2024',
      ['scenes', i, 'id'],
      `the table can get stuck in '${state.scene}': ${how(ex, index)} (${flagsOf(state)}, minute ${state.context.clock}), every choice is closed and waiting opens none. Give one choice no \`when\`, or one that holds in that state.`,
    );
  });
}

/** CQ2027 and the impossible-branch half of CQ2028: what the dice can do where the choice is open. */
function checkOdds(scenario: Scenario, ex: Exploration, report: Reporter): void {
  for (const { value: choice, path, scene } of choices(scenario)) {
    if (scene === null) continue;
    const check = choice.check;
    if (!check) continue;
    const open = ex.states.filter((s) => s.scene === scene.id && s.open.includes(choice.id));
    if (open.length === 0) continue;
    const odds = oddsBySum(
      check,
      open.map((s) => modifierSum(check, s.context)),
    );
    const best = odds[odds.length - 1];
    const worst = odds[0];
    if (!best || !worst) continue;
    if (best.hits === 0) {
      report.at(
        'CQ2027',
        [...path, 'check', 'target'],
        `the check of '${choice.id}' can never succeed: ${check.dice}${signed(best.add)} at best against a target of ${check.target} succeeds ${formatOdds(best)}. Lower the target or the penalties.`,
      );
      impossibleBranch(choice, check, 'success', path, report);
    } else if (worst.hits === worst.of) {
      report.at(
        'CQ2027',
        [...path, 'check', 'target'],
        `the check of '${choice.id}' can never fail: ${check.dice}${signed(worst.add)} at worst against a target of ${check.target} succeeds ${formatOdds(worst)}. Raise the target, or make it a plain choice.`,
      );
      impossibleBranch(choice, check, 'failure', path, report);
    }
  }
}

function impossibleBranch(
  choice: Choice,
  check: Check,
  side: 'success' | 'failure',
  path: Path,
  report: Reporter,
): void {
  if (check[side].goto === undefined) return;
  report.at(
    'CQ2028',
    [...path, 'check', side, 'goto'],
    `this goto is never taken: the check of '${choice.id}' can never ${side === 'success' ? 'succeed' : 'fail'}.`,
  );
}

/** The static half of CQ2028: a choice's own goto that both branches of its check replace. */
export function shadowedGotos(scenario: Scenario, report: Reporter): void {
  for (const { value: choice, path } of choices(scenario)) {
    const check = choice.check;
    if (choice.goto === undefined || !check || check.success.goto === undefined || check.failure.goto === undefined)
      continue;
    report.at(
      'CQ2028',
      [...path, 'goto'],
      `this goto is never taken: success goes to '${check.success.goto}' and failure to '${check.failure.goto}'. Remove it, or drop the goto of the branch that should land here.`,
    );
  }
}

/** CQ2031: a choice that leaves a scene and carries the clock past one of the scene's timed injects. */
function skippedInjects(scenario: Scenario, ex: Exploration, report: Reporter): void {
  const reported = new Set<string>();
  for (const edge of ex.edges) {
    const from = ex.states[edge.from];
    const to = ex.states[edge.to];
    if (edge.move.kind !== 'choose' || !from?.scene || !to?.scene || to.scene === from.scene) continue;
    const i = scenario.scenes.findIndex((s) => s.id === from.scene);
    for (const [j, inject] of (scenario.scenes[i]?.injects ?? []).entries()) {
      const at = inject.at;
      if (at === undefined || reported.has(inject.id)) continue;
      if (from.context.clock < at && to.context.clock >= at) {
        reported.add(inject.id);
        report.at(
          'CQ2031',
          ['scenes', i, 'injects', j, 'at'],
          `the inject '${inject.id}' (minute ${at}) is skipped when the party takes '${edge.move.choice}' at minute ${from.context.clock}: the clock passes ${at} as they leave '${from.scene}', and a scene's injects fire only while the party is in it. Time it earlier, or move it to the scenario's \`injects\`.`,
        );
      }
    }
  }
}

/**
 * CQ2022–CQ2028 and CQ2031: the checks that read the scenario as the engine will play it, by
 * exploring the states the compiled machine can reach (engine/src/playtest/explore.ts). Only
 * complete explorations report what is never reached. Pure; runs only on a scenario without errors.
 */
export function lintPlay(scenario: Scenario, report: Reporter): void {
  const ex = explore(gameOf(scenario));
  if (endsAtStart(scenario, ex, report)) return;
  checkOdds(scenario, ex, report);
  skippedInjects(scenario, ex, report);
  if (!ex.complete) return;
  unreachedEndings(scenario, ex, report);
  closedChoices(scenario, ex, report);
  stuckScenes(scenario, ex, report);
}
