import type { Condition } from './condition-schema.ts';
import type { Reporter } from './reporter.ts';
import { choices, conditions, effects, injects, type Path } from './scenario-parts.ts';
import { FORMAT_1_0, FORMAT_1_1 } from './schema-atoms.ts';
import type { Scenario } from './schema.ts';

/** Keys that format 1.1 adds, by where they may appear. */
const TOP = ['counters', 'deadlines', 'actions', 'modules', 'parameters', 'decks', 'deal'] as const;
const EFFECT = ['add', 'assign', 'reveal_secrets', 'draw'] as const;
const CHOICE = ['cooldown', 'decided_by'] as const;
const CHECK = ['critical_success', 'critical_failure', 'complication', 'rolled_by'] as const;
const INJECT = ['after', 'when', 'expires', 'effect'] as const;
const CONDITION = ['counter', 'milestone', 'minutes_since', 'deadline', 'parameter'] as const;

function present(value: object, keys: readonly string[], path: Path): Path[] {
  return keys.filter((k) => (value as Record<string, unknown>)[k] !== undefined).map((k) => [...path, k]);
}

/** Condition nodes of the 1.1 kinds, walked with a stack. */
function newConditions(root: Condition, base: Path): Path[] {
  const found: Path[] = [];
  const stack: { c: Condition; path: Path }[] = [{ c: root, path: base }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { c, path } = item;
    found.push(...present(c, CONDITION, path));
    if ('not' in c) stack.push({ c: c.not, path: [...path, 'not'] });
    else if ('all' in c) c.all.forEach((x, k) => stack.push({ c: x, path: [...path, 'all', k] }));
    else if ('any' in c) c.any.forEach((x, k) => stack.push({ c: x, path: [...path, 'any', k] }));
  }
  return found;
}

/** Where a scenario uses what format 1.1 added. */
function featuresOf1_1(scenario: Scenario): Path[] {
  const found: Path[] = present(scenario, TOP, []);
  // Parts already reported whole (a 1.1 inject's `effect` or `when`, a top-level 1.1 list) are not walked again.
  const inside = (path: Path) => TOP.some((k) => k === path[0]) || path.includes('effect') || path.includes('injects');
  for (const { value, path } of choices(scenario)) {
    if (inside(path)) continue;
    found.push(...present(value, CHOICE, path));
    if (value.check) found.push(...present(value.check, CHECK, [...path, 'check']));
  }
  for (const { value, path } of effects(scenario)) if (!inside(path)) found.push(...present(value, EFFECT, path));
  for (const { value, path } of injects(scenario))
    if (!inside(path.slice(0, -2))) found.push(...present(value, INJECT, path));
  for (const { value, path } of conditions(scenario)) if (!inside(path)) found.push(...newConditions(value, path));
  return found;
}

/**
 * CQ1120: a file that says `format: chaos-quest/1` may not use what 1.1 added, so that a 1.0 file
 * keeps meaning exactly what it meant (and an author learns which line needs the new format). Pure.
 */
export function lintVersion(scenario: Scenario, report: Reporter): void {
  if (scenario.format !== FORMAT_1_0) return;
  for (const path of featuresOf1_1(scenario)) {
    const key = path[path.length - 1];
    report.at(
      'CQ1120',
      path,
      `\`${String(key)}\` is a format 1.1 feature; write \`format: ${FORMAT_1_1}\` at the top of the file to use it.`,
      'key',
    );
  }
}
