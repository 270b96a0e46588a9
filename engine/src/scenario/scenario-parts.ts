import type { PathSegment } from './path.ts';
import type { Effect } from './effect-schema.ts';
import type { Branch, Check, Choice, Condition, Inject, Scenario, Scene } from './schema.ts';

/**
 * The parts of a scenario the linter looks at, each with its YAML path, so every check reports
 * where the author wrote the thing rather than where it ended up in memory.
 */

export type Path = readonly PathSegment[];

export interface Located<T> {
  value: T;
  path: Path;
}

/** Every choice of every scene, with the scene it belongs to, then the actions open in every scene (1.1). */
export function* choices(scenario: Scenario): Generator<Located<Choice> & { scene: Scene | null }> {
  for (const [i, scene] of scenario.scenes.entries()) {
    for (const [j, choice] of (scene.choices ?? []).entries())
      yield { value: choice, path: ['scenes', i, 'choices', j], scene };
  }
  for (const [i, action] of (scenario.actions ?? []).entries())
    yield { value: action, path: ['actions', i], scene: null };
}

/** The branches a check can take, graded ones (1.1) included, each with its key. */
export function branchesOf(check: Check): { key: GradedBranch; branch: Branch }[] {
  const out: { key: GradedBranch; branch: Branch }[] = [];
  for (const key of GRADED_BRANCHES) {
    const branch = check[key];
    if (branch) out.push({ key, branch });
  }
  return out;
}

/** A check's branches in the order a roll is graded against them. */
export const GRADED_BRANCHES = ['critical_success', 'complication', 'success', 'critical_failure', 'failure'] as const;
export type GradedBranch = (typeof GRADED_BRANCHES)[number];

/**
 * Everything that changes the world: each choice and each branch of its check, then (1.1) what
 * injects do when they fire, what deadlines do when met or missed, and what each card of a deck does.
 */
export function* effects(scenario: Scenario): Generator<Located<Choice | Branch | Effect>> {
  for (const { value: choice, path } of choices(scenario)) {
    yield { value: choice, path };
    if (choice.check)
      for (const { key, branch } of branchesOf(choice.check)) yield { value: branch, path: [...path, 'check', key] };
  }
  for (const { value, path } of injects(scenario))
    if (value.effect) yield { value: value.effect, path: [...path, 'effect'] };
  for (const [i, deadline] of (scenario.deadlines ?? []).entries()) {
    if (deadline.met) yield { value: deadline.met, path: ['deadlines', i, 'met'] };
    if (deadline.missed) yield { value: deadline.missed, path: ['deadlines', i, 'missed'] };
  }
  for (const [deck, cards] of Object.entries(scenario.decks ?? {}))
    for (const [j, card] of cards.entries()) yield { value: card, path: ['decks', deck, j] };
}

/** Scenario-wide injects first, then each scene's, then each module's (1.1). */
export function* injects(scenario: Scenario): Generator<Located<Inject>> {
  for (const [i, inject] of (scenario.injects ?? []).entries()) yield { value: inject, path: ['injects', i] };
  for (const [i, scene] of scenario.scenes.entries()) {
    for (const [j, inject] of (scene.injects ?? []).entries())
      yield { value: inject, path: ['scenes', i, 'injects', j] };
  }
  for (const [i, module] of (scenario.modules ?? []).entries()) {
    for (const [j, inject] of (module.injects ?? []).entries())
      yield { value: inject, path: ['modules', i, 'injects', j] };
  }
}

/** Every condition the author wrote: on choices, check modifiers, endings, and (1.1) injects and deadlines. */
export function* conditions(scenario: Scenario): Generator<Located<Condition>> {
  for (const { value: choice, path } of choices(scenario)) {
    if (choice.when) yield { value: choice.when, path: [...path, 'when'] };
    for (const [k, modifier] of (choice.check?.modifiers ?? []).entries()) {
      if (modifier.when) yield { value: modifier.when, path: [...path, 'check', 'modifiers', k, 'when'] };
    }
  }
  for (const [i, ending] of scenario.endings.entries()) {
    if (ending.when) yield { value: ending.when, path: ['endings', i, 'when'] };
  }
  for (const { value, path } of injects(scenario)) if (value.when) yield { value: value.when, path: [...path, 'when'] };
  for (const [i, deadline] of (scenario.deadlines ?? []).entries()) {
    yield { value: deadline.from, path: ['deadlines', i, 'from'] };
    yield { value: deadline.met_when, path: ['deadlines', i, 'met_when'] };
  }
}

export type ConditionLeaf =
  | { kind: 'flag'; name: string; path: Path }
  | { kind: 'visited'; name: string; path: Path }
  | { kind: 'role_present'; name: string; path: Path }
  | { kind: 'counter'; name: string; path: Path; bounded: boolean }
  | { kind: 'deadline'; name: string; path: Path }
  | { kind: 'parameter'; name: string; value: string; path: Path }
  | { kind: 'milestone'; name: string; path: Path };

/** The names a condition mentions, each with its path. Walks with a stack, not recursion. */
export function conditionLeaves(root: Located<Condition>): ConditionLeaf[] {
  const leaves: ConditionLeaf[] = [];
  const stack: Located<Condition>[] = [root];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value: c, path } = item;
    if ('flag' in c) leaves.push({ kind: 'flag', name: c.flag, path: [...path, 'flag'] });
    else if ('visited' in c) leaves.push({ kind: 'visited', name: c.visited, path: [...path, 'visited'] });
    else if ('role_present' in c)
      leaves.push({ kind: 'role_present', name: c.role_present, path: [...path, 'role_present'] });
    else if ('minutes_since' in c)
      leaves.push({ kind: 'flag', name: c.minutes_since, path: [...path, 'minutes_since'] });
    else if ('counter' in c)
      leaves.push({
        kind: 'counter',
        name: c.counter,
        path: [...path, 'counter'],
        bounded: c.at_least !== undefined || c.at_most !== undefined,
      });
    else if ('deadline' in c) leaves.push({ kind: 'deadline', name: c.deadline, path: [...path, 'deadline'] });
    else if ('parameter' in c)
      leaves.push({ kind: 'parameter', name: c.parameter, value: c.is, path: [...path, 'parameter'] });
    else if ('milestone' in c) leaves.push({ kind: 'milestone', name: c.milestone, path: [...path, 'milestone'] });
    else if ('not' in c) stack.push({ value: c.not, path: [...path, 'not'] });
    else if ('all' in c) c.all.forEach((x, k) => stack.push({ value: x, path: [...path, 'all', k] }));
    else if ('any' in c) c.any.forEach((x, k) => stack.push({ value: x, path: [...path, 'any', k] }));
  }
  return leaves;
}

/** Where a choice can lead: one target, or one per branch of its check (a branch inherits the choice's goto). */
export function targetsOf(choice: Choice): { goto: string; path: readonly PathSegment[] }[] {
  const out: { goto: string; path: readonly PathSegment[] }[] = [];
  if (choice.check) {
    for (const { key: side, branch } of branchesOf(choice.check)) {
      if (branch.goto !== undefined) out.push({ goto: branch.goto, path: ['check', side, 'goto'] });
      else if (choice.goto !== undefined) out.push({ goto: choice.goto, path: ['goto'] });
    }
  } else if (choice.goto !== undefined) out.push({ goto: choice.goto, path: ['goto'] });
  return out;
}
