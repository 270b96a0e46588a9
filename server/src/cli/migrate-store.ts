import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describeUrl } from '../store/pg-pool.ts';
import { migratePg } from '../store/pg-migrations.ts';
import { SCHEMA_VERSION } from '../store/sqlite-schema.ts';
import { checkIntegrity } from '../store/store-damage.ts';
import type { CliIo } from './cli-io.ts';
import { copyExerciseRows } from './migrate-store-exercise.ts';
import {
  copySession,
  copyIncidents,
  copyRealIncidents,
  copyScenarioTexts,
  type CopyCounts,
  type SourceDb,
} from './migrate-store-copy.ts';

export const MIGRATE_STORE_USAGE = `Usage: chaos-quest migrate-store --from sqlite:<file> --to postgres://user@host:5432/database

Copies everything in a SQLite database (scenario texts, sessions, tokens, event logs, snapshots and
incident records) into PostgreSQL, creating or upgrading the schema there first. Each session is
copied in one transaction, so a stopped copy leaves whole sessions; running it again copies only what
is missing, and checks that what is already there matches (a session that went on in PostgreSQL
keeps its newer commands). Stop the servers that use the SQLite file first. Progress goes to stderr.
Exits 0 when everything was copied, 1 when something could not be (named on stderr), 2 for bad arguments.

  --from sqlite:<file>   the SQLite file (CQ_DATA_DIR/chaos-quest.sqlite for a server)
  --to <url>             the PostgreSQL URL the servers will use as CQ_DATABASE_URL`;

interface Args {
  file: string;
  url: string;
}

function parse(args: readonly string[], cwd: string): Args {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { from: { type: 'string' }, to: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new Error(`unexpected argument '${positionals[0]}'.`);
  if (!values.from?.startsWith('sqlite:') || values.from.length === 'sqlite:'.length)
    throw new Error('--from must be sqlite:<file>.');
  if (!values.to || !/^postgres(ql)?:\/\//.test(values.to)) throw new Error('--to must be a postgres:// URL.');
  return { file: path.resolve(cwd, values.from.slice('sqlite:'.length)), url: values.to };
}

/**
 * `chaos-quest migrate-store`: copies a SQLite store into PostgreSQL. Idempotent. Returns the exit
 * code: 0 all copied, 1 something could not be (the reason on io.err), 2 bad arguments.
 */
export async function migrateStore(args: readonly string[], io: CliIo): Promise<number> {
  let parsed: Args;
  try {
    parsed = parse(args, io.cwd);
  } catch (error) {
    io.err(`chaos-quest migrate-store: ${(error as Error).message}\n\n${MIGRATE_STORE_USAGE}\n`);
    return 2;
  }
  let source: Database.Database | null = null;
  const target = new pg.Client({ connectionString: parsed.url, connectionTimeoutMillis: 10_000 });
  let connected = false;
  try {
    source = openSource(parsed.file);
    await target.connect().catch((error: unknown) => {
      throw new Error(`cannot reach PostgreSQL at ${describeUrl(parsed.url)}: ${(error as Error).message}`, {
        cause: error,
      });
    });
    connected = true;
    await target.query('SET synchronous_commit = on');
    const applied = await migratePg(target);
    if (applied.length > 0)
      io.err(`migrate-store: applied schema migration(s) ${applied.join(', ')} on ${describeUrl(parsed.url)}\n`);
    const totals = await copyAll(source, target, io);
    io.out(
      `Copied ${parsed.file} into PostgreSQL at ${describeUrl(parsed.url)}: ${totals.sessions} sessions (${totals.newSessions} new), ` +
        `${totals.commands} commands (${totals.newCommands} new), ${totals.snapshots} snapshots, ${totals.incidents} incident records, ` +
        `${totals.texts} scenario texts.\n`,
    );
    return 0;
  } catch (error) {
    io.err(`chaos-quest migrate-store: ${(error as Error).message}\n`);
    return 1;
  } finally {
    source?.close();
    if (connected) await target.end();
  }
}

/** Opens the SQLite file read-only after checking it is sound and of this release's schema. */
function openSource(file: string): Database.Database {
  if (!fs.existsSync(file))
    throw new Error(`${file} does not exist: give --from sqlite:<path of the server's chaos-quest.sqlite>.`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    checkIntegrity(db, file);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== SCHEMA_VERSION) {
      throw new Error(
        `${file} has schema version ${version}, this release copies version ${SCHEMA_VERSION}: ` +
          (version < SCHEMA_VERSION
            ? "start this release's server on it once to upgrade it, then copy."
            : 'copy it with the release that wrote it.'),
      );
    }
    // One read transaction for the whole copy: a consistent snapshot even if someone writes meanwhile.
    db.exec('BEGIN');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

async function copyAll(
  source: SourceDb,
  target: pg.Client,
  io: CliIo,
): Promise<CopyCounts & { texts: number; incidents: number }> {
  const texts = await copyScenarioTexts(source, target);
  io.err(`migrate-store: ${texts} scenario texts\n`);
  const ids = source.prepare('SELECT id FROM sessions ORDER BY rowid').pluck().all() as string[];
  const totals: CopyCounts = { sessions: 0, newSessions: 0, commands: 0, newCommands: 0, snapshots: 0 };
  for (const [i, id] of ids.entries()) {
    const counts = await copySession(source, target, id);
    for (const key of Object.keys(totals) as (keyof CopyCounts)[]) totals[key] += counts[key];
    const what = `${counts.commands} commands (${counts.newCommands} new), ${counts.snapshots} snapshots`;
    io.err(`migrate-store: session ${i + 1}/${ids.length} ${id}: ${what}\n`);
  }
  const incidents = await copyIncidents(source, target);
  io.err(`migrate-store: ${incidents} incident records\n`);
  const real = await copyRealIncidents(source, target);
  io.err(`migrate-store: ${real} real incidents\n`);
  const actions = await copyExerciseRows(source, target);
  io.err(`migrate-store: ${actions} corrective actions\n`);
  return { ...totals, texts, incidents };
}
