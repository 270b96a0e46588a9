import { labelAt, type ClockReading } from '@chaos-quest/engine/client';

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
 * The game clock's label at `minutes` in the session whose clock a view shows: "HH:MM", or
 * "Day 2 01:30" once the session has passed midnight, so times on every screen sort as they read.
 * Pure.
 */
export function gameClockAt(clock: ClockReading, minutes: number): string {
  return labelAt(clock, minutes);
}
