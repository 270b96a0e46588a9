import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { createBaselineDetector } from '@chaos-quest/engine';
import type { CliIo } from './cli-io.ts';

export const DETECT_USAGE = `Usage: chaos-quest detect <file.csv> [--json]

Streams a timestamp,value CSV (header line optional) through the anomaly detector, one pass, in order,
and prints timestamp,value,anomaly_score for every row. A score is in [0, 1] and uses only the rows
before it; 0.4 or more is an alert. A bad row is reported on stderr with its line number and skipped.
Exits 1 if any row was bad, 2 for bad arguments.

  --json   print JSON Lines: {"timestamp": "...", "value": 1.5, "anomaly_score": 0.02}`;

/** Output is handed to io.out in chunks of about this many characters, not line by line. */
const FLUSH_AT = 64 * 1024;

type Row = { ok: true; timestamp: string; value: number; valueText: string } | { ok: false; reason: string };

/** The fields of one CSV line (RFC 4180 quoting: "a, b" is one field, "" inside quotes is a quote). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

function parseRow(line: string): Row {
  const fields = splitCsvLine(line);
  if (fields.length !== 2) return { ok: false, reason: `expected 2 columns (timestamp,value), found ${fields.length}` };
  const [timestamp, valueText] = fields as [string, string];
  if (timestamp === '') return { ok: false, reason: 'the timestamp is empty' };
  const value = valueText === '' ? Number.NaN : Number(valueText);
  if (!Number.isFinite(value))
    return { ok: false, reason: `the value '${valueText.slice(0, 40)}' is not a finite number` };
  return { ok: true, timestamp, value, valueText };
}

/** Quotes a field for CSV output when it holds a comma, a quote or a line break. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * `chaos-quest detect FILE.csv [--json]`: scores every row of a timestamp,value CSV with the engine's
 * anomaly detector, reading the file once, line by line, in constant memory. Returns the exit code:
 * 0 all rows scored, 1 some rows were bad (each reported on io.err and skipped) or the file could not be
 * read, 2 bad arguments (message and usage on io.err).
 */
export async function detect(args: readonly string[], io: CliIo): Promise<number> {
  let file: string;
  let json: boolean;
  try {
    const options = { json: { type: 'boolean', default: false } } as const;
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new TypeError(`detect needs exactly one CSV file, got ${positionals.length}.`);
    [file, json] = [positionals[0] as string, values.json];
  } catch (error) {
    io.err(`chaos-quest detect: ${(error as Error).message}\n\n${DETECT_USAGE}\n`);
    return 2;
  }
  const stream = fs.createReadStream(path.resolve(io.cwd, file), { encoding: 'utf8' });
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  const detector = createBaselineDetector();
  let buffered = json ? '' : 'timestamp,value,anomaly_score\n';
  let lineNumber = 0;
  let firstContent = true;
  let bad = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      const row = parseRow(line);
      // A header is optional: a first line of two columns whose second is not a number names them.
      const isHeader = firstContent && !row.ok && splitCsvLine(line).length === 2;
      firstContent = false;
      if (isHeader) continue;
      if (!row.ok) {
        bad++;
        io.err(`${file}:${lineNumber}: ${row.reason}; row skipped\n`);
        continue;
      }
      const score = Math.round(detector.next(row.value) * 1e6) / 1e6;
      buffered += json
        ? `${JSON.stringify({ timestamp: row.timestamp, value: row.value, anomaly_score: score })}\n`
        : `${csvField(row.timestamp)},${csvField(row.valueText)},${score}\n`;
      if (buffered.length >= FLUSH_AT) {
        io.out(buffered);
        buffered = '';
      }
    }
  } catch (error) {
    // A file that cannot be read (ENOENT, EACCES, EISDIR…) is the user's to fix, not a crash.
    const code = String((error as { code?: unknown }).code ?? '');
    if (!/^E[A-Z]+$/.test(code)) throw error;
    if (buffered !== '' && lineNumber > 0) io.out(buffered);
    io.err(`chaos-quest detect: cannot read ${file}: ${(error as Error).message}\n`);
    return 1;
  } finally {
    lines.close();
    stream.destroy();
  }
  if (buffered !== '') io.out(buffered);
  if (bad > 0) io.err(`chaos-quest detect: ${bad} bad row${bad === 1 ? '' : 's'} skipped in ${file}\n`);
  return bad > 0 ? 1 : 0;
}
