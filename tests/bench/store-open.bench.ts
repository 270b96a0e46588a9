/**
 * What the damage checks cost on open (issue 9, finding 11): opening a SqliteStore (WAL scan,
 * `PRAGMA quick_check`, migrations) against opening the same file with plain better-sqlite3 in
 * WAL mode, measured in the same run on a database of COMMANDS log rows with a live WAL beside it.
 * Prints medians and the ratio; asserts nothing about time.
 *
 *   node --import tsx tests/bench/store-open.bench.ts [--quick]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../server/src/store/sqlite-store.ts';
import { entry, seedSession } from '../../server/src/store/store-fixtures.ts';
import { scanWal } from '../../server/src/store/wal-check.ts';
import { median, printTable, timeIt } from './lib/stats.ts';

const quick = process.argv.includes('--quick');
const COMMANDS = quick ? 20_000 : 100_000;
const RUNS = quick ? 3 : 7;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cq-store-open-bench-'));

try {
  const live = path.join(root, 'live', 'chaos-quest.sqlite');
  const writer = new SqliteStore(live, { synchronous: 'OFF' });
  await seedSession(writer, 's1');
  for (let seq = 1; seq <= COMMANDS; seq += 500) {
    await writer.append(
      's1',
      Array.from({ length: Math.min(500, COMMANDS - seq + 1) }, (_, i) => entry(seq + i)),
    );
  }
  // A copy taken while the writer is open keeps its WAL, as a crash would.
  const file = path.join(root, 'copy', 'chaos-quest.sqlite');
  fs.mkdirSync(path.dirname(file));
  const copy = () => {
    fs.copyFileSync(live, file);
    fs.copyFileSync(`${live}-wal`, `${file}-wal`);
    fs.rmSync(`${file}-shm`, { force: true });
  };
  const plain: number[] = [];
  const checked: number[] = [];
  const scans: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    copy();
    plain.push(
      timeIt(() => {
        const db = new Database(file);
        db.pragma('journal_mode = WAL');
        db.prepare('SELECT count(*) FROM sessions').get();
        db.close();
      }),
    );
    copy();
    scans.push(timeIt(() => scanWal(`${file}-wal`)));
    checked.push(timeIt(() => void new SqliteStore(file).close()));
  }
  copy();
  const mb = (f: string) => (fs.statSync(f).size / 2 ** 20).toFixed(1);
  const title = `Opening a ${mb(file)} MB database with a ${mb(`${file}-wal`)} MB WAL (${COMMANDS} log rows), median of ${RUNS}`;
  await writer.close();
  printTable(title, [
    ['plain better-sqlite3 open', `${median(plain).toFixed(1)} ms`],
    ['SqliteStore open (WAL scan + quick_check + migrate)', `${median(checked).toFixed(1)} ms`],
    ['  of which the WAL scan', `${median(scans).toFixed(1)} ms`],
    ['checked / plain', `${(median(checked) / median(plain)).toFixed(1)}×`],
  ]);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
