import { clockLabel, gameTime, spansDays } from '@chaos-quest/engine/client';

// One formatter for durations, shared with the post-mortem draft, so a duration reads the same on screen and on paper.
export { formatGameMinutes, formatWallDuration } from '@chaos-quest/engine/client';

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** A wall-clock instant as a local time of day, "14:03:22". */
export function formatWallTime(ms: number): string {
  return timeFormat.format(ms);
}

/** A wall-clock instant as a local date, "26 Nov 2025". */
export function formatDate(ms: number): string {
  return dateFormat.format(ms);
}

/**
 * The game clock's "HH:MM" at `minutes`, given the clock as a view shows it now (its label at its
 * current minute); views do not carry the scenario's start, but it is `label - minutes`. Once the
 * exercise has run past midnight (or the time lies on another day), the day comes with it: "Day 2 07:40". Pure.
 */
export function gameClockAt(clock: { minutes: number; label: string }, minutes: number): string {
  const start = clockLabel(clock.label, -clock.minutes);
  return gameTime(start, minutes, spansDays(start, [clock.minutes, minutes]));
}
