import seedrandom from 'seedrandom';
import type { Dice } from '../scenario/schema.ts';

/** Each kind of dice as how many of them are thrown and how many sides each has. */
export const SHAPES: Record<Dice, { count: number; sides: number }> = {
  d4: { count: 1, sides: 4 },
  d6: { count: 1, sides: 6 },
  d8: { count: 1, sides: 8 },
  d10: { count: 1, sides: 10 },
  d12: { count: 1, sides: 12 },
  d20: { count: 1, sides: 20 },
  '2d6': { count: 2, sides: 6 },
  '3d6': { count: 3, sides: 6 },
  d100: { count: 1, sides: 100 },
};

/** The smallest and largest natural result of a throw, to check a physical roll entered by hand. */
export function diceRange(dice: Dice): { min: number; max: number } {
  const { count, sides } = SHAPES[dice];
  return { min: count, max: count * sides };
}

/**
 * Rolls `dice` deterministically. The generator is seeded per roll identity and occurrence,
 * so editing one roll in a scenario does not reshuffle every other roll. Pure.
 */
export function rollDice(dice: Dice, seed: string, rollId: string, occurrence: number): number {
  const rng = seedrandom(`${seed}:${rollId}:${occurrence}`);
  const { count, sides } = SHAPES[dice];
  let total = 0;
  for (let i = 0; i < count; i++) total += 1 + Math.floor(rng() * sides);
  return total;
}
