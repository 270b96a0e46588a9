import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_FORMATS, readIncidentCsv, type ImportFormat } from '@chaos-quest/engine';
import { loadConfig } from '../config.ts';
import { SqliteStore } from '../store/sqlite-store.ts';
import type { CliIo } from './cli-io.ts';

export const IMPORT_USAGE = `Usage: chaos-quest import incidents <file.csv> [--format F] [--data-dir DIR] [--dry-run]

Imports a team's real incidents beside the practice ones, so the metrics page shows both. The file is
the generic CSV (service, title, severity, team, started, detected, acknowledged, mitigated, resolved,
detected_by; times in ISO 8601, UTC unless they carry an offset) or a PagerDuty or Opsgenie CSV export;
the header tells which. Good rows are stored; a bad row is reported with its line and reason and
skipped. Importing the same file again adds nothing. Exits 1 if any row was bad or the file could not
be read, 2 for bad arguments.

  --format F      generic, pagerduty or opsgenie (default: detected from the header)
  --data-dir DIR  where the server's database lives (default: CQ_DATA_DIR, else ./data)
  --dry-run       read and check the file, store nothing`;

interface Options {
  file: string;
  format: ImportFormat | undefined;
  dataDir: string | undefined;
  dryRun: boolean;
}

function options(args: readonly string[]): Options {
  const spec = {
    format: { type: 'string' },
    'data-dir': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  } as const;
  const { values, positionals } = parseArgs({ args: [...args], options: spec, allowPositionals: true, strict: true });
  const [what, file, ...rest] = positionals;
  if (what !== 'incidents') throw new TypeError(`import knows one kind of thing, incidents; got '${what ?? ''}'.`);
  if (!file || rest.length > 0)
    throw new TypeError(`import incidents needs exactly one CSV file, got ${positionals.length - 1}.`);
  const format = values.format;
  if (format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new TypeError(`--format must be one of ${IMPORT_FORMATS.join(', ')}; got '${format}'.`);
  }
  return { file, format: format as ImportFormat | undefined, dataDir: values['data-dir'], dryRun: values['dry-run'] };
}

/**
 * `chaos-quest import incidents FILE.csv`: reads real incidents from a CSV and stores the good rows in
 * the server's database. Returns the exit code: 0 every row imported or already there, 1 some rows were
 * bad (each reported on io.err) or the file could not be read, 2 bad arguments (message and usage on io.err).
 */
export async function importIncidents(args: readonly string[], io: CliIo): Promise<number> {
  let opts: Options;
  try {
    opts = options(args);
  } catch (error) {
    io.err(`chaos-quest import: ${(error as Error).message}\n\n${IMPORT_USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = await fs.readFile(path.resolve(io.cwd, opts.file), 'utf8');
  } catch (error) {
    io.err(
      `chaos-quest import: cannot read ${opts.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`,
    );
    return 1;
  }
  const read = readIncidentCsv(text, opts.format);
  if (!read.ok) {
    io.err(`${opts.file}: ${read.message}\n`);
    return 1;
  }
  for (const bad of read.rejected) io.err(`${opts.file}:${bad.row}: ${bad.reason}; row skipped\n`);
  let added = 0;
  if (!opts.dryRun && read.incidents.length > 0) {
    const dataDir = opts.dataDir !== undefined ? path.resolve(io.cwd, opts.dataDir) : loadConfig().dataDir;
    await fs.mkdir(dataDir, { recursive: true });
    const store = new SqliteStore(path.join(dataDir, 'chaos-quest.sqlite'));
    try {
      added = await store.addRealIncidents(read.incidents);
    } finally {
      await store.close();
    }
  }
  const rows = read.incidents.length + read.rejected.length;
  const stored = opts.dryRun
    ? 'nothing stored (dry run)'
    : `${added} new, ${read.incidents.length - added} already imported`;
  io.out(
    `${opts.file}: ${read.label}, ${rows} row${rows === 1 ? '' : 's'}: ${read.incidents.length} good (${stored}), ${read.rejected.length} skipped.\n`,
  );
  return read.rejected.length > 0 ? 1 : 0;
}
