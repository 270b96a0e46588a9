import type { Dice } from '../scenario/schema.ts';
import { SHAPES } from './dice.ts';

/** How many of the dice's equally likely throws give each natural total, indexed by total. Pure. */
export function distribution(dice: Dice): number[] {
  const { count, sides } = SHAPES[dice];
  let ways = [1];
  for (let d = 0; d < count; d++) {
    const next: number[] = new Array(ways.length + sides).fill(0);
    ways.forEach((w, total) => {
      for (let face = 1; face <= sides; face++) next[total + face] = (next[total + face] ?? 0) + w;
    });
    ways = next;
  }
  return ways;
}

/** Exact odds of a check: throws whose total with `add` reaches `target`, out of all throws. Pure. */
export function successOdds(dice: Dice, target: number, add: number): { hits: number; of: number } {
  const ways = distribution(dice);
  let hits = 0;
  let of = 0;
  ways.forEach((w, natural) => {
    of += w;
    if (natural + add >= target) hits += w;
  });
  return { hits, of };
}

/** "7 in 20 (35%)", as messages and reports print odds. */
export function formatOdds({ hits, of }: { hits: number; of: number }): string {
  // Multiplying first keeps exact shares exact: (11 / 20) * 100 is 55.00000000000001, printed "55.0%".
  const percent = of === 0 ? 0 : (hits * 100) / of;
  const shown = Number.isInteger(percent) ? String(percent) : percent.toFixed(1);
  return `${hits} in ${of} (${shown}%)`;
}
