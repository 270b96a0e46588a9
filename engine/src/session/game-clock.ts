/**
 * The fiction's clock as people read it: "HH:MM", and "Day 2 01:30" once an exercise runs past
 * midnight, so a 48-hour choice moves the label and a timeline never runs 13:30 then 10:20. Shared
 * by views, exports and the client. Pure.
 */

const MINUTES_PER_DAY = 1440;

// A server labels every view's clock from its scenario's start: the last one read is nearly always asked again.
let lastStart = '';
let lastStartMinute = 0;

function startMinute(start: string): number {
  if (start !== lastStart) {
    const [h = 0, m = 0] = start.split(':').map(Number);
    lastStart = start;
    lastStartMinute = h * 60 + m;
  }
  return lastStartMinute;
}

/** The day `minutes` after the clock's start falls on: 1 for the day play starts, 0 before it. */
export function dayOf(start: string, minutes: number): number {
  return Math.floor((startMinute(start) + minutes) / MINUTES_PER_DAY) + 1;
}

/** Whether a span of game minutes crosses midnight: its labels then carry the day. */
export function spansDays(start: string, from: number, to: number): boolean {
  return dayOf(start, from) !== dayOf(start, to);
}

/** "HH:MM" on the fiction's clock, `minutes` after `start`, wrapping at midnight. */
export function clockLabel(start: string, minutes: number): string {
  const total = (((startMinute(start) + minutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** "Day 2 01:30" when `withDay`, else "01:30". */
export function gameTimeLabel(start: string, minutes: number, withDay: boolean): string {
  const label = clockLabel(start, minutes);
  return withDay ? `Day ${dayOf(start, minutes)} ${label}` : label;
}

/** The clock as a view carries it: enough to label any other minute of the same session. */
export interface ClockReading {
  minutes: number;
  label: string;
  /** The scenario's clock start, "HH:MM" (absent from views older than format 1.1's). */
  start?: string;
  /** Whether labels carry the day: the session has passed midnight. */
  days?: boolean;
}

/**
 * The label of `minutes` in the session a view's clock belongs to: with its day once the session
 * has passed midnight, or when that minute lies on another day than now (an inject due on Wednesday
 * never reads as this morning). Pure.
 */
export function labelAt(clock: ClockReading, minutes: number): string {
  // A clock without its start still knows it: the label at its own minute.
  const start = clock.start ?? clockLabel(clock.label.slice(-5), -clock.minutes);
  const otherDay = spansDays(start, minutes, clock.minutes);
  return gameTimeLabel(start, minutes, (clock.days ?? false) || otherDay);
}

/** "3 h 05 min" for a span of game minutes, "2 d 3 h" past a day. */
export function spanLabel(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} min`;
  if (m < MINUTES_PER_DAY) return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
  return `${Math.floor(m / MINUTES_PER_DAY)} d ${Math.floor((m % MINUTES_PER_DAY) / 60)} h`;
}
