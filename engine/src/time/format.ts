import { clockLabel, dayOf } from '../session/game-clock.ts';

/** Which day of the exercise a game minute falls on: 1 for the day play begins, 0 the day before. */
export { dayOf as gameDay } from '../session/game-clock.ts';

/**
 * How times and durations read, in one place for every screen and every export: the debrief's cards
 * and the post-mortem draft call the same functions, so a duration never reads two ways. All pure.
 */

const DAY_MINUTES = 1440;

/** Game minutes as a duration: "45 min", "2 h 05 min", "4 d 21 h 40 min", "−5 min". */
export function formatGameMinutes(minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  const m = Math.abs(Math.round(minutes));
  if (m < 60) return `${sign}${m} min`;
  const hours = `${Math.floor((m % DAY_MINUTES) / 60)} h ${String(m % 60).padStart(2, '0')} min`;
  return m < DAY_MINUTES ? `${sign}${hours}` : `${sign}${Math.floor(m / DAY_MINUTES)} d ${hours}`;
}

/** Wall-clock milliseconds as a duration: "42 s", "3 min 20 s", "16 min", "1 h 02 min". */
export function formatWallDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  // Past ten minutes, seconds are noise.
  if (m < 10) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  if (m < 60) return `${Math.round(s / 60)} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** Whether any of `minutes` falls on another day than the clock's first: then every time carries its day. */
export function spansDays(start: string, minutes: Iterable<number>): boolean {
  for (const m of minutes) if (dayOf(start, m) !== 1) return true;
  return false;
}

/**
 * A time as the game clock shows it: "07:40", or "Day 2 07:40" when `withDay` (an exercise that runs
 * past midnight, see `spansDays`). Never a raw count of minutes.
 */
export function gameTime(start: string, minutes: number, withDay: boolean): string {
  const label = clockLabel(start, minutes);
  const day = dayOf(start, minutes);
  return withDay ? `Day ${day < 0 ? `−${-day}` : day} ${label}` : label;
}

/**
 * A formatter for one exercise's times: with the day on every time when any of `minutes` (everything
 * the reader will see: the onset, the clock now, the events) lies off the first day.
 */
export function gameTimeFormat(start: string, minutes: Iterable<number>): (minutes: number) => string {
  const withDay = spansDays(start, minutes);
  return (m) => gameTime(start, m, withDay);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Wall-clock ms as its UTC calendar date and time of day, by arithmetic (the engine has no Date objects). */
export function utcParts(ms: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const days = Math.floor(ms / 86_400_000);
  const rest = ms - days * 86_400_000;
  // Days since 1970-01-01 to a civil date (H. Hinnant's days_from_civil, inverted).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mo <= 2 ? 1 : 0);
  const seconds = Math.floor(rest / 1000);
  return { y, mo, d, h: Math.floor(seconds / 3600), mi: Math.floor((seconds % 3600) / 60), s: seconds % 60 };
}

/** Wall-clock ms as "HH:MM:SS" UTC. */
export function utcTime(ms: number): string {
  const t = utcParts(ms);
  return `${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}`;
}

/** Wall-clock ms as "YYYY-MM-DD HH:MM UTC". */
export function utcDate(ms: number): string {
  const t = utcParts(ms);
  return `${pad(t.y, 4)}-${pad(t.mo)}-${pad(t.d)} ${pad(t.h)}:${pad(t.mi)} UTC`;
}
