import type { Phase, SessionState } from './state.ts';

/** The lifecycle phase, read from the machine's state value and the pause flag. Pure. */
export function phaseOf(state: SessionState): Phase {
  const value = state.game.value;
  if (typeof value === 'object') return state.paused ? 'paused' : 'running';
  if (value === 'lobby' || value === 'briefing' || value === 'debrief' || value === 'ended') return value;
  throw new Error(`Unexpected game state value ${JSON.stringify(value)}`);
}

/** The current scene's id while the game is in play, else null. */
export function sceneOf(state: SessionState): string | null {
  const value = state.game.value;
  return typeof value === 'object' ? (value['play'] ?? null) : null;
}

/** "HH:MM" on the fiction's clock, `minutes` after the scenario's start, wrapping at midnight. */
export function clockLabel(start: string, minutes: number): string {
  const [h = 0, m = 0] = start.split(':').map(Number);
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
