import type { Condition } from './schema.ts';

/** What a condition can read: the game's flags, clock, path and who is at the table. */
export interface ConditionScope {
  clock: number;
  flags: Record<string, boolean>;
  visited: readonly string[];
  rolesPresent: readonly string[];
}

/** Evaluates a condition written as data. Pure; never throws for a schema-valid condition. */
export function holds(condition: Condition, scope: ConditionScope): boolean {
  if ('flag' in condition) return scope.flags[condition.flag] === true;
  if ('not' in condition) return !holds(condition.not, scope);
  if ('all' in condition) return condition.all.every((c) => holds(c, scope));
  if ('any' in condition) return condition.any.some((c) => holds(c, scope));
  if ('visited' in condition) return scope.visited.includes(condition.visited);
  if ('time_at_least' in condition) return scope.clock >= condition.time_at_least;
  if ('role_present' in condition) return scope.rolesPresent.includes(condition.role_present);
  return condition satisfies never;
}

/** Every flag, scene and role a condition mentions, for the linter. */
export function references(condition: Condition): { flags: string[]; scenes: string[]; roles: string[] } {
  const out = { flags: [] as string[], scenes: [] as string[], roles: [] as string[] };
  const walk = (c: Condition): void => {
    if ('flag' in c) out.flags.push(c.flag);
    else if ('not' in c) walk(c.not);
    else if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('visited' in c) out.scenes.push(c.visited);
    else if ('role_present' in c) out.roles.push(c.role_present);
  };
  walk(condition);
  return out;
}
