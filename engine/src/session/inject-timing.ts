import type { HeldInject, Game } from '../compile/game.ts';
import { dueAt, is1_1, timingOf } from '../compile/story-1-1.ts';
import type { GameContext } from './state.ts';

/**
 * The game minute a 1.1 inject falls due in this context (its `at`, or `after` minutes into its
 * scene or module), or null for a 1.0 scenario's or an untimed inject. Pure.
 */
export function dueMinute(game: Game, context: GameContext, held: HeldInject): number | null {
  if (!is1_1(game.scenario)) return null;
  return dueAt(context, timingOf(held.inject, held.module));
}
