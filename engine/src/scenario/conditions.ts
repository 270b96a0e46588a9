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

/** Whether a check's modifier applies: its role is seated (a `role:` modifier) and its `when` holds. Pure. */
export function modifierApplies(
  modifier: { role?: string | undefined; when?: Condition | undefined },
  scope: ConditionScope,
): boolean {
  return (
    (!modifier.role || scope.rolesPresent.includes(modifier.role)) && (!modifier.when || holds(modifier.when, scope))
  );
}
