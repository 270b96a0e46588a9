import type { SceneId } from '../protocol/ids.ts';
import { sceneOfSnapshot } from './game-snapshot.ts';
import { PHASES, type Phase, type SessionState } from './state.ts';

/** The lifecycle phase: the machine's top-level state. Pure; throws on a state no machine has (a bug). */
export function phaseOf(state: SessionState): Phase {
  const value = state.game.value;
  if (typeof value === 'object') {
    if ('running' in value) return 'running';
  } else if ((PHASES as readonly string[]).includes(value) && value !== 'running') {
    return value as Phase;
  }
  throw new Error(`Unexpected game state value ${JSON.stringify(value)}`);
}

/** The scene the party is in while the game runs or is paused, else null. Pure. */
export function sceneOf(state: SessionState): SceneId | null {
  return sceneOfSnapshot(state.game);
}

export { clockLabel } from './game-clock.ts';
