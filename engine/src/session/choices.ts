import type { Game } from '../compile/game.ts';
import { choicesOf } from '../compile/game.ts';
import { holds } from '../scenario/conditions.ts';
import type { Check, Choice } from '../scenario/schema.ts';
import { sceneOf } from './phase.ts';
import type { SessionState } from './state.ts';

/** The current scene's choices whose `when` holds now. Pure. */
export function availableChoices(game: Game, state: SessionState): Choice[] {
  return choicesOf(game, sceneOf(state)).filter((c) => !c.when || holds(c.when, state.game.context));
}

/** The modifiers of a check that apply now, each with a label a player can read. Pure. */
export function activeModifiers(game: Game, state: SessionState, check: Check): { label: string; add: number }[] {
  const context = state.game.context;
  return (check.modifiers ?? [])
    .filter((m) => (!m.role || context.rolesPresent.includes(m.role)) && (!m.when || holds(m.when, context)))
    .map((m) => ({ label: m.label ?? (m.role ? `${game.roles.get(m.role)?.name ?? m.role} at the table` : 'circumstances'), add: m.add }));
}
