import type { Diagnostic } from './diagnostic.ts';
import { utf8Length } from './guard.ts';
import { Reporter } from './reporter.ts';

/**
 * A metric's baseline from a CSV file beside the scenario (`timestamp,value`, an export of a team's
 * own metric). The engine never reads files: a loader reads each file the scenario names and
 * attaches its text to the scenario's (attachFiles), so the stored text a session keeps holds the
 * data too, and an edited CSV never changes how an old session replays.
 */

export const BASELINE_LIMITS = {
  /** One file, in UTF-8 bytes. */
  bytes: 256 * 1024,
  /** All of one scenario's files together. */
  totalBytes: 1024 * 1024,
  /** Data rows in one file (the header not counted): about a week of minutes. */
  rows: 10_000,
  /** Fewer rows than an hour would repeat too soon to look like a real metric. */
  minRows: 60,
} as const;

const MARKER = '# ---- chaos-quest attached file: ';
const MARKER_END = ' ----';

/** The scenario's own YAML and the files attached after it (by file name). Pure. */
export function splitAttachments(text: string): { yaml: string; files: Map<string, string> } {
  const at = text.startsWith(MARKER) ? 0 : text.indexOf(`\n${MARKER}`) + 1;
  const files = new Map<string, string>();
  if (at <= 0 && !text.startsWith(MARKER)) return { yaml: text, files };
  let name: string | null = null;
  let lines: string[] = [];
  const flush = () => {
    if (name !== null) files.set(name, lines.join('\n'));
  };
  for (const line of text.slice(at).split('\n')) {
    if (line.startsWith(MARKER) && line.endsWith(MARKER_END)) {
      flush();
      name = line.slice(MARKER.length, -MARKER_END.length);
      lines = [];
    } else if (name !== null && (line === '#' || line.startsWith('# '))) lines.push(line.slice(2));
  }
  flush();
  return { yaml: text.slice(0, at), files };
}

/**
 * The scenario's YAML with `files` attached after it as YAML comments, so the whole stays one valid
 * scenario text: what a session stores and hashes. Files already attached are replaced. Pure.
 */
export function attachFiles(text: string, files: Readonly<Record<string, string>>): string {
  const { yaml } = splitAttachments(text);
  const names = Object.keys(files).sort();
  if (names.length === 0) return yaml;
  const blocks = names.map((name) => {
    const lines = (files[name] ?? '').replace(/\r/g, '').split('\n');
    return `${MARKER}${name}${MARKER_END}\n${lines.map((l) => (l === '' ? '#' : `# ${l}`)).join('\n')}\n`;
  });
  return `${yaml.endsWith('\n') ? yaml : `${yaml}\n`}${blocks.join('')}`;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A baseline CSV's values in file order, or null with CQ1011–CQ1013 diagnostics (file:line:col in
 * `fileName`) when it is too large, has a bad line or too few rows. The first line is a header;
 * blank lines are skipped. Pure.
 */
export function parseBaselineCsv(
  text: string,
  fileName: string,
): { values: number[] | null; diagnostics: Diagnostic[] } {
  const report = new Reporter(fileName, text);
  const bytes = utf8Length(text);
  if (bytes > BASELINE_LIMITS.bytes) {
    report.atOffset('CQ1011', 0, `the file is ${Math.ceil(bytes / 1024)} KB; a baseline CSV may be at most 256 KB.`);
    return { values: null, diagnostics: report.finish() };
  }
  const values: number[] = [];
  let offset = 0;
  let header = true;
  let last = 0;
  for (const raw of text.split('\n')) {
    const start = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, '').replace(/^\uFEFF/, '');
    if (line.trim() === '') continue;
    last = start;
    if (header) {
      header = false;
      if (NUMBER.test(line.split(',')[1]?.trim() ?? ''))
        report.atOffset('CQ1012', start, 'the first line is a header, such as `timestamp,value`; add one.');
      continue;
    }
    if (values.length === BASELINE_LIMITS.rows) {
      report.atOffset(
        'CQ1011',
        start,
        `more than ${BASELINE_LIMITS.rows} rows; keep the last week of minutes or fewer.`,
      );
      return { values: null, diagnostics: report.finish() };
    }
    const value = rowValue(line, start, report);
    if (value !== null) values.push(value);
  }
  if (report.hasErrors()) return { values: null, diagnostics: report.finish() };
  if (values.length < BASELINE_LIMITS.minRows) {
    report.atOffset(
      'CQ1013',
      last,
      `${values.length} rows; a baseline needs at least ${BASELINE_LIMITS.minRows} (one per game minute).`,
    );
    return { values: null, diagnostics: report.finish() };
  }
  return { values, diagnostics: report.finish() };
}

/** One data line's value, or null with a CQ1012 diagnostic at the column that is wrong. */
function rowValue(line: string, start: number, report: Reporter): number | null {
  const comma = line.indexOf(',');
  if (comma < 0) {
    report.atOffset('CQ1012', start, 'expected `timestamp,value`: there is no comma.');
    return null;
  }
  const extra = line.indexOf(',', comma + 1);
  if (extra >= 0) {
    report.atOffset('CQ1012', start + extra, 'expected `timestamp,value`: a third column starts here; remove it.');
    return null;
  }
  if (line.slice(0, comma).trim() === '') {
    report.atOffset('CQ1012', start, 'the timestamp is empty.');
    return null;
  }
  const field = line.slice(comma + 1);
  const text = field.trim();
  const number = Number(text);
  if (!NUMBER.test(text) || !Number.isFinite(number)) {
    const col = start + comma + 1 + (field.length - field.trimStart().length);
    report.atOffset('CQ1012', col, `'${text.slice(0, 40)}' is not a number; write the value as 12.5, say.`);
    return null;
  }
  return number;
}
