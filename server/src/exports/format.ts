/** Text helpers for the exports: tables and durations a person reads. Pure. */

/** One Markdown table cell: pipes escaped and line breaks folded, so user text cannot break the table. */
export function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/** A Markdown table from a header row and rows of already-formatted cells. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

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
