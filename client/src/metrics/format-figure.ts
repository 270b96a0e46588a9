import type { FigureSummary } from '@chaos-quest/engine';
import { formatGameMinutes, formatWallDuration } from '../time/format.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A long wall duration: days and hours past two days ("12 d 4 h"), else as formatWallDuration. Pure. */
export function formatLongDuration(ms: number): string {
  if (ms < 2 * DAY) return formatWallDuration(ms);
  const days = Math.floor(ms / DAY);
  return `${days} d ${Math.round((ms - days * DAY) / HOUR)} h`;
}

/** One value of a figure in its own unit: game minutes, or a real (wall) duration. Pure. */
export function formatValue(value: number | null, unit: FigureSummary['unit']): string {
  if (value === null) return '–';
  return unit === 'game-minutes' ? formatGameMinutes(value) : formatLongDuration(value);
}

/** "3 of 5": how many runs reached the milestone out of all considered. Pure. */
export const nOfN = (f: Pick<FigureSummary, 'count' | 'of'>): string => `${f.count} of ${f.of}`;

/** A share as a whole percentage, or a dash when there is nothing to share. Pure. */
export const percent = (n: number, total: number): string => (total === 0 ? '–' : `${Math.round((100 * n) / total)}%`);
