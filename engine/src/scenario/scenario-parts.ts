import type { PathSegment } from './path.ts';
import type { Branch, Choice, Condition, Inject, Scenario, Scene } from './schema.ts';

/**
 * The parts of a scenario the linter looks at, each with its YAML path, so every check reports
 * where the author wrote the thing rather than where it ended up in memory.
 */

export type Path = readonly PathSegment[];

export interface Located<T> {
  value: T;
  path: Path;
}

/** Every choice of every scene, with the scene it belongs to. */
export function* choices(scenario: Scenario): Generator<Located<Choice> & { scene: Scene }> {
  for (const [i, scene] of scenario.scenes.entries()) {
    for (const [j, choice] of (scene.choices ?? []).entries())
      yield { value: choice, path: ['scenes', i, 'choices', j], scene };
  }
}

/** Everything that changes the world when taken: each choice and each branch of its check. */
export function* effects(scenario: Scenario): Generator<Located<Choice | Branch>> {
  for (const { value: choice, path } of choices(scenario)) {
    yield { value: choice, path };
    if (choice.check) {
      yield { value: choice.check.success, path: [...path, 'check', 'success'] };
      yield { value: choice.check.failure, path: [...path, 'check', 'failure'] };
    }
  }
}

/** Scenario-wide injects first, then each scene's. */
export function* injects(scenario: Scenario): Generator<Located<Inject>> {
  for (const [i, inject] of (scenario.injects ?? []).entries()) yield { value: inject, path: ['injects', i] };
  for (const [i, scene] of scenario.scenes.entries()) {
    for (const [j, inject] of (scene.injects ?? []).entries())
      yield { value: inject, path: ['scenes', i, 'injects', j] };
  }
}

/** Every condition the author wrote: on choices, on check modifiers and on endings. */
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
}

export type ConditionLeaf =
  | { kind: 'flag'; name: string; path: Path }
  | { kind: 'visited'; name: string; path: Path }
  | { kind: 'role_present'; name: string; path: Path };

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
    for (const side of ['success', 'failure'] as const) {
      const branch = choice.check[side];
      if (branch.goto !== undefined) out.push({ goto: branch.goto, path: ['check', side, 'goto'] });
      else if (choice.goto !== undefined) out.push({ goto: choice.goto, path: ['goto'] });
    }
  } else if (choice.goto !== undefined) out.push({ goto: choice.goto, path: ['goto'] });
  return out;
}
