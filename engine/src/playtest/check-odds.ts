import { successOdds } from '../dice/odds.ts';
import { modifierApplies } from '../scenario/conditions.ts';
import type { Check } from '../scenario/schema.ts';
import type { GameContext } from '../session/state.ts';

/** The sum of a check's modifiers that apply in `context` (a `role:` one applies while that role is seated). */
export function modifierSum(check: Check, context: GameContext): number {
  return (check.modifiers ?? []).filter((m) => modifierApplies(m, context)).reduce((sum, m) => sum + m.add, 0);
}

/** A check's exact odds of success for each modifier sum it can be rolled with, lowest sum first. */
export function oddsBySum(check: Check, sums: Iterable<number>): { add: number; hits: number; of: number }[] {
  return [...new Set(sums)]
    .sort((a, b) => a - b)
    .map((add) => ({ add, ...successOdds(check.dice, check.target, add) }));
}
