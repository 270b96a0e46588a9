import type { Condition, DeadlineState } from './condition-schema.ts';

/** What a condition can read: the game's flags, clock, path and who is at the table, and 1.1's state. */
export interface ConditionScope {
  clock: number;
  flags: Record<string, boolean>;
  visited: readonly string[];
  rolesPresent: readonly string[];
  counters?: Record<string, number> | undefined;
  /** Milestones reached so far (format 1.1 keeps them in the machine). */
  reached?: readonly string[] | undefined;
  /** The game minute each flag was last set. */
  flagsSetAt?: Record<string, number> | undefined;
  deadlines?: Record<string, { since: number; state: DeadlineState; ended?: number }> | undefined;
  parameters?: Record<string, string> | undefined;
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
  if ('counter' in condition) {
    const value = scope.counters?.[condition.counter] ?? 0;
    return (
      (condition.at_least === undefined || value >= condition.at_least) &&
      (condition.at_most === undefined || value <= condition.at_most)
    );
  }
  if ('milestone' in condition) return scope.reached?.includes(condition.milestone) ?? false;
  if ('minutes_since' in condition) {
    const since = scope.flags[condition.minutes_since] ? scope.flagsSetAt?.[condition.minutes_since] : undefined;
    return since !== undefined && scope.clock - since >= condition.at_least;
  }
  if ('deadline' in condition) return scope.deadlines?.[condition.deadline]?.state === condition.is;
  if ('parameter' in condition) return scope.parameters?.[condition.parameter] === condition.is;
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
