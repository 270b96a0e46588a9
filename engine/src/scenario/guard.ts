import { Lexer } from 'yaml';
import type { Reporter } from './reporter.ts';

/** The largest scenario file accepted, in UTF-8 bytes. The longest real scenario is a few dozen KB. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;
/** The deepest nesting accepted. A scenario needs about 10 levels; conditions add a few. */
export const MAX_DEPTH = 64;

/** UTF-8 length without encoding the text (the engine has no TextEncoder). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The CQ1001 message, shared with callers that refuse a file before reading it. */
export function tooLargeMessage(bytes: number, atLeast = false): string {
  return `the file is ${atLeast ? 'at least ' : ''}${megabytes(bytes)}; a scenario file may be at most 1 MB. Move pasted logs or data out of the scenario.`;
}

/** CQ1001. Every char is at least one byte, so a text this long is refused without counting. */
export function checkSize(text: string, report: Reporter): boolean {
  if (text.length > MAX_SCENARIO_BYTES) {
    // Counting the bytes of a huge text would take longer than refusing it; its length is a lower bound.
    report.atOffset('CQ1001', 0, tooLargeMessage(text.length, true));
    return false;
  }
  const bytes = utf8Length(text);
  if (bytes <= MAX_SCENARIO_BYTES) return true;
  report.atOffset('CQ1001', 0, tooLargeMessage(bytes));
  return false;
}

/** The CQ1005 message, shared by the pre-parse check and the converter's exact one. */
export const deepMessage = (): string =>
  `nesting is deeper than ${MAX_DEPTH} levels; a scenario needs about 10. Flatten the structure.`;

// Markers the lexer inserts that take no room in the source (document start, flow end, scalar).
const ZERO_WIDTH = new Set(['\u0002', '\u0018', '\u001f']);
const FLOW_OPEN = new Set(['[', '{']);
const FLOW_CLOSE = new Set([']', '}']);
const BLOCK_INDICATORS = new Set(['-', '?']);

/** How deep the tokens read so far nest: flow brackets plus open block collections, by column. */
class DepthTracker {
  flow = 0;
  private readonly block: number[] = [];
  private column = 0;
  /** Column of the first token after a line break or a `-`/`?`: where a mapping key would start. */
  private nodeStart = 0;
  private awaitingNode = true;

  get depth(): number {
    return this.flow + this.block.length;
  }

  read(token: string): void {
    const start = this.column;
    const content = token.trim() !== '' && !token.startsWith('#');
    if (FLOW_OPEN.has(token)) this.flow++;
    else if (FLOW_CLOSE.has(token)) this.flow = Math.max(0, this.flow - 1);
    else if (this.flow === 0 && BLOCK_INDICATORS.has(token)) this.open(start);
    else if (this.flow === 0 && token === ':') this.open(this.nodeStart);
    else if (token === '---' || token === '...') this.block.length = 0;
    if (content && this.awaitingNode && !BLOCK_INDICATORS.has(token)) {
      this.nodeStart = start;
      this.awaitingNode = false;
    }
    if (BLOCK_INDICATORS.has(token) && this.flow === 0) this.awaitingNode = true;
    const newline = token.lastIndexOf('\n');
    if (newline === -1) this.column += token.length;
    else {
      this.column = token.length - newline - 1;
      if (!content) this.awaitingNode = true;
    }
  }

  /** A block collection starts at `column`: it closes every collection at or right of it. */
  private open(column: number): void {
    while (this.block.length > 0 && (this.block[this.block.length - 1] as number) >= column) this.block.pop();
    this.block.push(column);
  }
}

/**
 * CQ1005, before the YAML is composed: the composer recurses once per level, so a hostile file
 * must be refused before it gets there. Reads lexer tokens (linear, no recursion) and stops at the
 * first level past the cap. Block depth is estimated from the columns where nodes start; the exact
 * depth is checked again when the document is converted.
 */
export function checkDepth(text: string, report: Reporter): boolean {
  const tracker = new DepthTracker();
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (ZERO_WIDTH.has(token)) continue;
    tracker.read(token);
    if (tracker.depth > MAX_DEPTH) {
      report.atOffset('CQ1005', offset, deepMessage());
      return false;
    }
    offset += token.length;
  }
  return true;
}
