import { gameOf } from '../compile/game.ts';
import { formatOdds } from '../dice/odds.ts';
import { modifierSum, oddsBySum } from '../playtest/check-odds.ts';
import { parameterRoots } from '../playtest/parameter-roots.ts';
import { explore, pathTo, type Exploration, type ExploreMove, type ExploredState } from '../playtest/explore.ts';
import { reachable } from './lint-graph.ts';
import type { Reporter } from './reporter.ts';
import { choices, type Path } from './scenario-parts.ts';
import type { Check, Choice, Inject, Scenario } from './schema.ts';
import { holds } from './conditions.ts';
import { lintPlay1_1 } from './lint-play-1-1.ts';
import { is1_1 } from '../compile/story-1-1.ts';
import type { GameContext } from '../session/state.ts';

/** "the one state" or "all 12 states". */
const statesPhrase = (n: number) => (n === 1 ? 'the one state' : `all ${n} states`);

const signed = (n: number) => (n < 0 ? ` − ${-n}` : ` + ${n}`);

function describeMove(move: ExploreMove): string {
  if (move.kind === 'choose')
    return move.branch === 'plain' ? `choose ${move.choice}` : `${move.choice} (${move.branch})`;
  if (move.kind === 'advance') return `wait ${move.minutes} min`;
  if (move.kind === 'declare') return `declare ${move.milestone}`;
  return `seated: ${move.present.join(', ') || 'nobody'}`;
}

/** "with practised=yes" when the scenario has session parameters (1.1), which decide how a state was reached. */
function parametersOf(scenario: Scenario, state: ExploredState | undefined): string {
  if (!scenario.parameters?.length || !state) return '';
  return `with ${Object.entries(state.context.parameters ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')}`;
}

/** "after look, rollback (failure), wait 5 min", the shortest known way to a state. */
function how(scenario: Scenario, ex: Exploration, index: number): string {
  const moves = pathTo(ex, index);
  const variant = parametersOf(scenario, ex.states[index]);
  const start = variant ? `${variant}, ` : '';
  return moves.length === 0 ? `${start}at the start` : `${start}after ${moves.map(describeMove).join(', ')}`;
}

const flagsOf = (state: ExploredState) => {
  const on = Object.keys(state.context.flags).filter((f) => state.context.flags[f]);
  return on.length === 0 ? 'no flag set' : `${on.join(', ')} set`;
};

/** CQ2023: an ending whose `when` holds as play starts ends the game before anyone plays. */
function endsAtStart(scenario: Scenario, ex: Exploration, report: Reporter): boolean {
  const root = ex.roots.find((r) => ex.states[r]?.ending);
  const state = root === undefined ? undefined : ex.states[root];
  const ending = state?.ending;
  if (!ending) return false;
  const i = scenario.endings.findIndex((e) => e.id === ending);
  const variant = parametersOf(scenario, state);
  report.at(
    'CQ2023',
    ['endings', i, 'when'],
    `the ending '${ending}' holds as soon as play starts${variant ? ` ${variant}` : ''}, so the game would end before anyone chooses anything. Make its \`when\` need something the table does (a flag, a visited scene, time).`,
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
    // An action (1.1) is open in every scene: it never opens if it is closed in every state in play.
    const there = ex.states.filter((s) => (scene === null ? s.scene !== null : s.scene === scene.id));
    if (there.length === 0 || there.some((s) => s.open.includes(choice.id))) continue;
    const where = scene === null ? 'in play' : `the party can be in '${scene.id}'`;
    report.at(
      'CQ2025',
      choice.when ? [...path, 'when'] : [...path, 'id'],
      `the ${scene === null ? 'action' : 'choice'} '${choice.id}' never opens: its \`when\` is false in ${statesPhrase(there.length)} ${where}. Loosen the condition or remove the ${scene === null ? 'action' : 'choice'}.`,
    );
  }
}

/** CQ2024: a state where every choice is closed and waiting opens none (only an ending, if anything). */
function stuckScenes(scenario: Scenario, ex: Exploration, report: Reporter): void {
  const waits = new Map<number, number[]>();
  // Waiting, or (1.1) declaring a milestone a condition reads: what the table can do with every choice closed.
  for (const e of ex.edges)
    if (e.move.kind === 'advance' || e.move.kind === 'declare') waits.set(e.from, [...(waits.get(e.from) ?? []), e.to]);
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
      `the table can get stuck in '${state.scene}': ${how(scenario, ex, index)} (${flagsOf(state)}, minute ${state.context.clock}), every choice is closed and waiting opens none. Give one choice no \`when\`, or one that holds in that state.`,
    );
  });
}

/** CQ2027 and the impossible-branch half of CQ2028: what the dice can do where the choice is open. */
function checkOdds(scenario: Scenario, ex: Exploration, report: Reporter): void {
  for (const { value: choice, path, scene } of choices(scenario)) {
    const check = choice.check;
    if (!check) continue;
    const open = ex.states.filter(
      (s) => (scene === null ? s.scene !== null : s.scene === scene.id) && s.open.includes(choice.id),
    );
    if (open.length === 0) continue;
    const odds = oddsBySum(
      check,
      open.flatMap((s) => contextVariants(scenario, ex, s).map((context) => modifierSum(check, context))),
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

/**
 * A state's context with every value of every parameter and every seating of the roles only
 * modifiers read (1.1): what the exploration left at its defaults, since no guard reads it.
 */
function contextVariants(scenario: Scenario, ex: Exploration, state: ExploredState): GameContext[] {
  let variants = parameterRoots(scenario, true).map((p) => (p ? { ...state.context, parameters: p } : state.context));
  for (const role of ex.abstraction.modifierRoles)
    variants = variants.flatMap((c) => [
      { ...c, rolesPresent: c.rolesPresent.filter((r) => r !== role) },
      { ...c, rolesPresent: [...c.rolesPresent.filter((r) => r !== role), role] },
    ]);
  return variants;
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

/**
 * Whether a 1.1 inject passed over on the way out is lost: it would have fired there (its `when`
 * held) and its window (`expires`) closes before the party can be back; without one it fires when
 * they are back, late. A 1.0 inject counts as lost, as it always has.
 */
function lostInWindow(scenario: Scenario, inject: Inject, from: ExploredState, to: ExploredState): boolean {
  if (!is1_1(scenario)) return true;
  if (inject.when && !holds(inject.when, from.context)) return false;
  return inject.expires !== undefined && inject.at !== undefined && to.context.clock > inject.at + inject.expires;
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
      if (at === undefined || reported.has(inject.id) || !lostInWindow(scenario, inject, from, to)) continue;
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
 * complete explorations report what is never reached; one that hit its budget says so (CQ2037).
 * Pure; runs only on a scenario without errors.
 */
export function lintPlay(scenario: Scenario, report: Reporter): void {
  const ex = explore(gameOf(scenario));
  if (endsAtStart(scenario, ex, report)) return;
  checkOdds(scenario, ex, report);
  skippedInjects(scenario, ex, report);
  if (!ex.complete) {
    report.at(
      'CQ2037',
      ['id'],
      `exploring stopped at its budget of ${ex.maxStates.toLocaleString('en')} states, so endings, scenes and choices it did not reach are not reported as unreachable. Fewer counter values, flags or timed parts read by conditions make the search smaller.`,
    );
    return;
  }
  unreachedEndings(scenario, ex, report);
  closedChoices(scenario, ex, report);
  stuckScenes(scenario, ex, report);
  if (is1_1(scenario)) lintPlay1_1(scenario, ex, report);
}
