import type { Game } from '../compile/game.ts';
import { is1_1 } from '../compile/story-1-1.ts';
import { gameTimeLabel, spanLabel, spansDays } from './game-clock.ts';
import type { GameContext } from './state.ts';

const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_.-]*)\s*\}\}/g;

/** Whether the session's labels carry the day: its clock has left the day play started on. */
export function showsDays(game: Game, context: GameContext): boolean {
  return spansDays(game.scenario.clock.start, 0, context.clock);
}

function value(game: Game, context: GameContext, name: string): string | null {
  if (name === 'clock') return gameTimeLabel(game.scenario.clock.start, context.clock, showsDays(game, context));
  const [kind, id = '', part] = name.split('.');
  if (kind === 'counter' && part === undefined && context.counters && id in context.counters)
    return String(context.counters[id]);
  const deadline = game.scenario.deadlines?.find((d) => d.id === id);
  if (kind === 'deadline' && part === 'left' && deadline) {
    const running = context.deadlines?.[id];
    if (!running) return spanLabel(deadline.minutes);
    // Once met or missed, what was left when it ended.
    return spanLabel(running.since + deadline.minutes - (running.ended ?? context.clock));
  }
  return null;
}

/**
 * A 1.1 scenario's text with `{{ clock }}`, `{{ counter.NAME }}` and `{{ deadline.ID.left }}`
 * filled in from the state, so narration agrees with the clock. A 1.0 text is returned as written;
 * a placeholder naming nothing stays as written. Pure.
 */
export function renderText(game: Game, context: GameContext, text: string): string {
  if (!is1_1(game.scenario) || !text.includes('{{')) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => value(game, context, name) ?? whole);
}
