import { LineCounter } from 'yaml';
import { CODES, type DiagnosticCode } from './codes.ts';
import type { Diagnostic } from './diagnostic.ts';
import { formatPath, type PathSegment } from './path.ts';

/** Where a node sits in the source: its key (for a mapping value) and its value, as offsets. */
export interface Spot {
  key: number | null;
  value: number;
}

/** Which part of a located node a diagnostic points at. A missing key points at its parent mapping. */
export type Anchor = 'key' | 'value' | 'parent';

/** A file with thousands of problems is better served by the first ones than by all of them. */
export const MAX_DIAGNOSTICS = 1000;

/**
 * Collects the diagnostics of one file. Knows where each YAML path sits (filled in by the YAML
 * reader), so the checks name paths and never offsets.
 */
export class Reporter {
  readonly file: string;
  readonly spots = new Map<string, Spot>();
  private readonly text: string;
  private lines: LineCounter | null = null;
  private readonly found: Diagnostic[] = [];
  private dropped = 0;

  constructor(file: string, text: string) {
    this.file = file;
    this.text = text;
  }

  /** Uses the line table the YAML parser filled in, instead of scanning the text again. */
  useLineCounter(lines: LineCounter): void {
    this.lines = lines;
  }

  /** Reports a problem at a YAML path; an unknown path falls back to its nearest located ancestor. */
  at(code: DiagnosticCode, path: readonly PathSegment[], message: string, anchor: Anchor = 'value'): void {
    const formatted = formatPath(path);
    this.add(code, this.offsetOf(path, anchor), formatted === '' ? message : `${formatted}: ${message}`, formatted);
  }

  /** Reports a problem at a raw offset, for checks that run before there is a document. */
  atOffset(code: DiagnosticCode, offset: number, message: string, path = ''): void {
    this.add(code, offset, path === '' ? message : `${path}: ${message}`, path);
  }

  /** Where a YAML path sits (its nearest located ancestor when it has no spot of its own). */
  locate(path: readonly PathSegment[], anchor: Anchor = 'value'): { line: number; col: number } {
    return this.position(this.offsetOf(path, anchor));
  }

  /** The 1-based line of an offset, for messages that point back at an earlier place. */
  lineOf(offset: number): number {
    return this.position(offset).line;
  }

  /** True once the cap is reached: callers may skip composing messages nobody will read. */
  get saturated(): boolean {
    return this.found.length >= MAX_DIAGNOSTICS;
  }

  /** Counts problems that were found but not composed, because the list is already full. */
  drop(count: number): void {
    this.dropped += count;
  }

  hasErrors(): boolean {
    return this.found.some((d) => d.severity === 'error');
  }

  /** Every diagnostic in source order, ending with a note if some were left out. */
  finish(): Diagnostic[] {
    const sorted = [...this.found].sort((a, b) => a.line - b.line || a.col - b.col);
    if (this.dropped === 0) return sorted;
    const last = sorted[sorted.length - 1];
    return [
      ...sorted,
      {
        file: this.file,
        line: last?.line ?? 1,
        col: last?.col ?? 1,
        code: 'CQ1008',
        severity: CODES.CQ1008.severity,
        path: '',
        message: `${this.dropped} more problems are not listed; fix the ones above and check again.`,
      },
    ];
  }

  private add(code: DiagnosticCode, offset: number, message: string, path: string): void {
    if (this.found.length >= MAX_DIAGNOSTICS) {
      this.dropped++;
      return;
    }
    const { line, col } = this.position(offset);
    this.found.push({ file: this.file, line, col, code, severity: CODES[code].severity, message, path });
  }

  private offsetOf(path: readonly PathSegment[], anchor: Anchor): number {
    let depth = anchor === 'parent' ? path.length - 1 : path.length;
    for (; depth >= 0; depth--) {
      const spot = this.spots.get(formatPath(path.slice(0, depth)));
      if (spot) return anchor === 'key' && depth === path.length ? (spot.key ?? spot.value) : spot.value;
    }
    return 0;
  }

  private position(offset: number): { line: number; col: number } {
    if (!this.lines) {
      const lines = new LineCounter();
      lines.addNewLine(0);
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
      this.lines = lines;
    }
    const { line, col } = this.lines.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { line: Math.max(1, line), col: Math.max(1, col) };
  }
}
