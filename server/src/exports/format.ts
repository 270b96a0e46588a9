/** Text helpers for the exports: tables and durations a person reads. Pure. */

// The engine's after-action report uses the same table rules.
export { authorCell as cell, markdownTable as table } from '@chaos-quest/engine';

/** Wall-clock ms as `HH:MM:SS` UTC. */
export function wallTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** Wall-clock ms as `YYYY-MM-DD HH:MM UTC`. */
export function wallDate(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A wall-clock span as `1 h 2 min`, `3 min 5 s` or `42 s`. */
export function wallDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h} h ${m} min`;
  return m > 0 ? `${m} min ${s} s` : `${s} s`;
}

/** Game minutes as `25 min` (the fiction's clock never has seconds). */
export function gameDuration(minutes: number): string {
  return `${minutes} min`;
}
