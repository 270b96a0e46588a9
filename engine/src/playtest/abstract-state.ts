import type { Condition, Scenario } from '../scenario/schema.ts';
import { conditionLeaves, conditions, injects } from '../scenario/scenario-parts.ts';
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
  /** Roles some `role_present` condition or modifier names. */
  rolesRead: string[];
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
  for (const scene of scenario.scenes)
    for (const choice of scene.choices ?? [])
      for (const m of choice.check?.modifiers ?? []) if (m.role) roles.add(m.role);
  return {
    thresholds: [...times].filter((t) => t > 0).sort((a, b) => a - b),
    visitedRead: visited,
    rolesRead: [...roles].sort(),
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
