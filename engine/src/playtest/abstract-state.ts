import type { Condition, Scenario } from '../scenario/schema.ts';
import { choices, conditionLeaves, conditions, injects } from '../scenario/scenario-parts.ts';
import { FORMAT_1_1 } from '../scenario/schema-atoms.ts';
import type { GameContext } from '../session/state.ts';

/**
 * What of a game's state the scenario's conditions can tell apart. Two states with the same
 * abstraction behave the same for every guard, so the explorer visits one of them. A format that
 * adds state a condition can read (counters, deadlines) adds it here, and only here.
 */
export interface Abstraction {
  /** Clock thresholds, ascending: every `time_at_least`, timed inject, the onset and the timebox. */
  thresholds: number[];
  /** Scenes some `visited` condition names: the rest of the path changes no guard. */
  visitedRead: ReadonlySet<string>;
  /** Roles some `role_present` condition or modifier names: the explorer seats and unseats them. */
  rolesRead: string[];
  /**
   * Format 1.1: roles only a check's `role:` modifier names. They change odds, never what is open,
   * so the explorer leaves them seated and the odds check tries them seated and not.
   */
  modifierRoles: string[];
}

function timesIn(condition: Condition, into: Set<number>): void {
  const stack = [condition];
  for (let c = stack.pop(); c; c = stack.pop()) {
    if ('time_at_least' in c) into.add(c.time_at_least);
    else if ('not' in c) stack.push(c.not);
    else if ('all' in c) stack.push(...c.all);
    else if ('any' in c) stack.push(...c.any);
  }
}

/** The abstraction of a scenario's states. Pure. */
export function abstractionOf(scenario: Scenario): Abstraction {
  const times = new Set<number>([scenario.fault.starts_at, scenario.clock.timebox]);
  const visited = new Set<string>();
  const roles = new Set<string>();
  for (const located of conditions(scenario)) {
    timesIn(located.value, times);
    for (const leaf of conditionLeaves(located)) {
      if (leaf.kind === 'visited') visited.add(leaf.name);
      else if (leaf.kind === 'role_present') roles.add(leaf.name);
    }
  }
  for (const { value } of injects(scenario)) if (value.at !== undefined) times.add(value.at);
  const modifierRoles = new Set<string>();
  for (const { value: choice } of choices(scenario))
    for (const m of choice.check?.modifiers ?? []) if (m.role) modifierRoles.add(m.role);
  // 1.0 keeps exploring them, so its diagnostics (and their state counts) read as they always have.
  const v1_1 = scenario.format === FORMAT_1_1;
  for (const role of modifierRoles) if (!v1_1) roles.add(role);
  return {
    thresholds: [...times].filter((t) => t > 0).sort((a, b) => a - b),
    visitedRead: visited,
    rolesRead: [...roles].sort(),
    modifierRoles: v1_1 ? [...modifierRoles].filter((r) => !roles.has(r)).sort() : [],
  };
}

/** How many thresholds the clock has passed: states in one band look alike to every guard. */
export function bandOf(abstraction: Abstraction, clock: number): number {
  let band = 0;
  while (band < abstraction.thresholds.length && (abstraction.thresholds[band] as number) <= clock) band++;
  return band;
}

/** The key two alike states share: where the story is, the flags, the clock's band, the path and roles read. */
export function abstractKey(abstraction: Abstraction, where: string, context: GameContext): string {
  const flags = Object.keys(context.flags)
    .filter((f) => context.flags[f])
    .sort()
    .join(',');
  const visited = context.visited
    .filter((s) => abstraction.visitedRead.has(s))
    .sort()
    .join(',');
  const roles = abstraction.rolesRead.filter((r) => context.rolesPresent.includes(r)).join(',');
  return `${where}|${flags}|${bandOf(abstraction, context.clock)}|${visited}|${roles}`;
}
