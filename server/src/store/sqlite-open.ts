import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './sqlite-schema.ts';
import { prepareStatements, type Statements } from './sqlite-statements.ts';
import { asDamage, checkIntegrity, StoreDamagedError } from './store-damage.ts';
import { scanWal } from './wal-check.ts';

export interface SqliteStoreOptions {
  /**
   * `FULL` (the default): an acknowledged command survives a power cut. SQLite commits without
   * syncing (synchronous=NORMAL) and the write resolves only after an fsync of the WAL that runs
   * on libuv's thread pool, so the event loop (and every socket's fan-out) never waits on the
   * disk. `OFF` leaves flushing to the OS; it exists only so the benchmark can measure the ceiling.
   */
  synchronous?: 'FULL' | 'OFF';
  /** Most writes one group commit may hold (default 1000); 1 turns group commit off. */
  maxBatch?: number;
  /** How long a write waits for another process's lock before failing (default 5 s). */
  busyTimeoutMs?: number;
}

/**
 * Opens `file` (creating it, directory included) in WAL mode, checked and migrated, with its
 * statements prepared. Throws StoreDamagedError when the WAL holds garbled frames, the file is not
 * a database or `PRAGMA quick_check` finds damage, naming the files and how to recover; throws a
 * plain Error when the file was written by a newer release or cannot be put in WAL mode.
 */
export function openSqlite(file: string, options: SqliteStoreOptions): { db: Database.Database; sql: Statements } {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Before SQLite opens it: SQLite would read the WAL up to the damage and quietly drop the rest.
  const wal = scanWal(`${file}-wal`);
  if (wal.damage !== null) {
    const what = `${file}-wal (${wal.bytes} bytes, ${wal.valid} of ${wal.frames} frames valid)`;
    throw new StoreDamagedError(file, `${what} is damaged: ${wal.damage}.`);
  }
  const db = new Database(file);
  try {
    configure(db, file, options);
    checkIntegrity(db, file);
    migrate(db, file);
    return { db, sql: prepareStatements(db) };
  } catch (error) {
    db.close();
    throw asDamage(file, error);
  }
}

function configure(db: Database.Database, file: string, options: SqliteStoreOptions): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal')
    throw new Error(`${file} cannot use WAL (journal mode stays ${String(mode)}); put CQ_DATA_DIR on a local disk.`);
  // NORMAL, not FULL: the per-commit WAL fsync happens off the event loop (see WalSync).
  db.pragma(`synchronous = ${options.synchronous === 'OFF' ? 'OFF' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
}

/** fsync of a database's WAL file on the thread pool: it holds every frame committed so far. */
export class WalSync {
  readonly #file: string;
  #fd: number | null = null;

  constructor(file: string) {
    this.#file = file;
  }

  sync(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.#fd === null) {
        this.#fd = fs.openSync(`${this.#file}-wal`, 'r');
        // The WAL's directory entry must be durable too, once.
        const dir = fs.openSync(path.dirname(path.resolve(this.#file)), 'r');
        try {
          fs.fsyncSync(dir);
        } finally {
          fs.closeSync(dir);
        }
      }
      fs.fsync(this.#fd, (error) => (error ? reject(error) : resolve()));
    });
  }

  close(): void {
    if (this.#fd !== null) fs.closeSync(this.#fd);
    this.#fd = null;
  }
}
