import { labelAt, type ClockReading } from '@chaos-quest/engine/client';

/** Game minutes as a duration: "45 min", "2 h 05 min". Pure. */
export function formatGameMinutes(minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  const m = Math.abs(Math.round(minutes));
  if (m < 60) return `${sign}${m} min`;
  return `${sign}${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** Wall-clock milliseconds as a duration: "42 s", "3 min 20 s", "16 min", "1 h 02 min". Pure. */
export function formatWallDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  // Past ten minutes, seconds are noise.
  if (m < 10) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  if (m < 60) return `${Math.round(s / 60)} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

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
