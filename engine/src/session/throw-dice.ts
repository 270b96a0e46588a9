import { diceRange, rollDice } from '../dice/dice.ts';
import type { Dice } from '../scenario/schema.ts';
import type { Draft } from './draft.ts';
import type { StepError } from './errors.ts';

/**
 * One throw of `dice` under the roll identity `rollId`: the table's physical result when given,
 * else the seeded roll for this occurrence. Counts the occurrence. Returns the natural result, or
 * an error (and counts nothing) for a physical result the dice cannot show.
 */
export function throwDice(draft: Draft, dice: Dice, rollId: string, physical: number | undefined): number | StepError {
  const range = diceRange(dice);
  if (physical !== undefined && (physical < range.min || physical > range.max)) {
    return { code: 'invalid', message: `A ${dice} shows ${range.min} to ${range.max}; ${physical} cannot be right.` };
  }
  const occurrence = draft.state.rollCounts[rollId] ?? 0;
  draft.state.rollCounts = { ...draft.state.rollCounts, [rollId]: occurrence + 1 };
  return physical ?? rollDice(dice, draft.state.seed, rollId, occurrence);
}
