import { activeModifiers, successOdds, type Check, type Game, type SessionState } from '@chaos-quest/engine';

/** The exact chance a check succeeds if rolled now, with the modifiers that apply now. */
export function checkOdds(game: Game, state: SessionState, check: Check): number {
  const add = activeModifiers(game, state, check).reduce((sum, m) => sum + m.add, 0);
  const { hits, of } = successOdds(check.dice, check.target, add);
  return hits / of;
}
