import { formatDiagnostic, type Diagnostic } from '@chaos-quest/engine';

/** Long lines are cut to a window around the column, so the caret still lines up. */
const WIDTH = 100;

/**
 * `file:line:col: severity CODE message`, then the source line with a caret under the column
 * (when the text is at hand and the line exists).
 */
export function renderDiagnostic(d: Diagnostic, text: string | null): string {
  const head = formatDiagnostic(d);
  const line = text?.split(/\r?\n/)[d.line - 1];
  if (line === undefined || line.trim() === '') return head;
  const start = Math.max(0, Math.min(d.col - 1 - WIDTH / 2, line.length - WIDTH));
  const shown = `${start > 0 ? '…' : ''}${line.slice(start, start + WIDTH).replace(/\t/g, ' ')}${start + WIDTH < line.length ? '…' : ''}`;
  const caret = (start > 0 ? 1 : 0) + Math.min(d.col - 1 - start, shown.length);
  const gutter = String(d.line);
  return `${head}\n  ${gutter} | ${shown}\n  ${' '.repeat(gutter.length)} | ${' '.repeat(caret)}^`;
}
