import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Thrown when the database on disk is damaged and opening it would lose or misreport data: the
 * server must not start on it. The message says what is wrong and how to recover, naming the files.
 */
export class StoreDamagedError extends Error {
  readonly file: string;

  constructor(file: string, problem: string) {
    super(`${problem}\n${recoveryAdvice(file)}`);
    this.name = 'StoreDamagedError';
    this.file = file;
  }
}

/** How to get a working database back from `file`; shared by every damage the store detects. */
export function recoveryAdvice(file: string): string {
  const dir = path.dirname(file);
  const recovered = path.join(dir, 'recovered.sqlite');
  return [
    'The database was not opened, so nothing more was lost. To recover:',
    `  1. Stop every server using ${dir} and copy ${file} and ${file}-wal (if present) somewhere safe.`,
    `  2. Restore ${file} from a backup, or salvage what is readable into a new file:`,
    `       sqlite3 ${file} ".recover" | sqlite3 ${recovered}`,
    `     then move ${recovered} to ${file} and delete ${file}-wal and ${file}-shm.`,
    '  Commands after the damage are lost; players who reconnect may report views ahead of the log.',
  ].join('\n');
}

/** SQLite's result codes for a file that is damaged or no database at all (extended codes included). */
const DAMAGE_CODE = /^SQLITE_(CORRUPT|NOTADB)/;

/** quick_check stops after this many problems: enough to say what is wrong, bounded on a wrecked file. */
const MAX_LISTED_PROBLEMS = 20;

/**
 * `PRAGMA quick_check` on an open connection: page and b-tree structure in one pass over the file,
 * without comparing indexes to their tables. Throws StoreDamagedError listing the first problems.
 */
export function checkIntegrity(db: Database.Database, file: string): void {
  const problems = (db.pragma(`quick_check(${MAX_LISTED_PROBLEMS})`) as { quick_check: string }[])
    .map((row) => row.quick_check)
    .filter((message) => message !== 'ok');
  if (problems.length === 0) return;
  const count = problems.length >= MAX_LISTED_PROBLEMS ? `at least ${problems.length}` : String(problems.length);
  const first = problems.slice(0, 3).join('; ');
  throw new StoreDamagedError(
    file,
    `${file} is damaged: PRAGMA quick_check found ${count} problem(s), first: ${first}.`,
  );
}

/** True for SQLite's verdict that the file is damaged or not a database. */
export function isDamage(error: unknown): error is InstanceType<typeof Database.SqliteError> {
  return error instanceof Database.SqliteError && DAMAGE_CODE.test(error.code);
}

/**
 * A write that failed because the store cannot write (SQLite I/O, lock, full disk, a failed fsync),
 * as opposed to one the store refused (a taken seq, an unknown session: plain Errors or constraints).
 */
export function isStoreFailure(error: unknown): error is Error {
  if (error instanceof Database.SqliteError) return !error.code.startsWith('SQLITE_CONSTRAINT');
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/** SQLite's own verdict, on open, that the file is damaged or no database becomes a StoreDamagedError. */
export function asDamage(file: string, error: unknown): unknown {
  if (!isDamage(error)) return error;
  return new StoreDamagedError(
    file,
    `${file} is damaged: SQLite says "${error.message}" (${error.code}) while opening and checking it.`,
  );
}
