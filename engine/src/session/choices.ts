import type { Game } from '../compile/game.ts';
import { choicesOf } from '../compile/game.ts';
import { modifierApplies } from '../scenario/conditions.ts';
import type { Check, Choice } from '../scenario/schema.ts';
import { storySnapshot } from './game-snapshot.ts';
import { sceneOf } from './phase.ts';
import type { GameSnapshot, SessionState } from './state.ts';

/**
 * The current scene's choices open to the table now: those the machine would take (a choice's
 * `when` is its guard). While paused, those open once the game resumes. Pure; the list is shared
 * between callers asking about the same state, so it must not be changed.
 */
export function availableChoices(game: Game, state: SessionState): Choice[] {
  let open = openChoices.get(state.game);
  if (!open) {
    const snapshot = storySnapshot(game, state.game);
    open = choicesOf(game, sceneOf(state)).filter((choice) =>
      snapshot.can({ type: 'CHOOSE', choice: choice.id, branch: choice.check ? 'success' : 'plain' }),
    );
    openChoices.set(state.game, open);
  }
  return open;
}

// Every projection of a state asks this; the answer depends only on the machine's snapshot, which
// belongs to one scenario's game and is never changed in place.
const openChoices = new WeakMap<GameSnapshot, Choice[]>();

/** The modifiers of a check that apply now, each with a label a player can read. Pure. */
export function activeModifiers(game: Game, state: SessionState, check: Check): { label: string; add: number }[] {
  const context = state.game.context;
  return (check.modifiers ?? [])
    .filter((m) => modifierApplies(m, context))
    .map((m) => ({
      label: m.label ?? (m.role ? `${game.roles.get(m.role)?.name ?? m.role} at the table` : 'circumstances'),
      add: m.add,
    }));
}
