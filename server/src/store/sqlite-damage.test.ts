import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store.ts';
import { StoreDamagedError } from './store-damage.ts';
import { entries, entry, SCENARIO_HASH, seedSession } from './store-fixtures.ts';
import { scanWal } from './wal-check.ts';

/** Finding 11 of issue 9: a damaged database is refused on open, with how to recover, never half-read. */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cq-sqlite-damage-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let cases = 0;
const COMMANDS = 60;

/** A database and its WAL as a crash would leave them: copied while the store that wrote them is open. */
async function crashedCopy(): Promise<string> {
  const dir = path.join(root, `case-${++cases}`);
  const live = path.join(dir, 'live', 'chaos-quest.sqlite');
  const store = new SqliteStore(live);
  await seedSession(store, 's1');
  // One append per commit, so the WAL holds many commits one after another.
  for (let seq = 1; seq <= COMMANDS; seq++) await store.append('s1', [entry(seq)]);
  const copy = path.join(dir, 'copy', 'chaos-quest.sqlite');
  fs.mkdirSync(path.dirname(copy));
  fs.copyFileSync(live, copy);
  fs.copyFileSync(`${live}-wal`, `${copy}-wal`);
  await store.close();
  return copy;
}

function walLayout(wal: string): { pageSize: number; frames: number; frameAt: (i: number) => number } {
  const bytes = fs.readFileSync(wal);
  const pageSize = bytes.readUInt32BE(8);
  const frameBytes = 24 + pageSize;
  return { pageSize, frames: Math.floor((bytes.length - 32) / frameBytes), frameAt: (i) => 32 + i * frameBytes };
}

function flipBytes(file: string, at: number, count: number): void {
  const fd = fs.openSync(file, 'r+');
  const buffer = Buffer.alloc(count);
  fs.readSync(fd, buffer, 0, count, at);
  for (let i = 0; i < count; i++) buffer[i] = (buffer[i] as number) ^ 0x5a;
  fs.writeSync(fd, buffer, 0, count, at);
  fs.closeSync(fd);
}

/** The log rows plain SQLite reads from a copy of these files: what the server used to serve. */
function rowsSqliteWouldRead(file: string): number {
  const dir = fs.mkdtempSync(path.join(root, 'plain-'));
  const copy = path.join(dir, 'db.sqlite');
  fs.copyFileSync(file, copy);
  fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
  const db = new Database(copy);
  const { n } = db.prepare('SELECT count(*) AS n FROM log').get() as { n: number };
  db.close();
  return n;
}

describe('SqliteStore on a damaged file', () => {
  it('opens a crashed copy whole: the WAL scan finds every frame valid', async () => {
    const copy = await crashedCopy();
    const scan = scanWal(`${copy}-wal`);
    expect(scan.frames).toBeGreaterThan(COMMANDS);
    expect(scan).toMatchObject({ valid: scan.frames, damage: null });
    const store = new SqliteStore(copy);
    expect(await store.readLog('s1')).toEqual(entries(1, COMMANDS));
    await store.close();
  });

  it('refuses a WAL with a garbled frame in the middle, naming the WAL, its size and the valid frames', async () => {
    const copy = await crashedCopy();
    const wal = `${copy}-wal`;
    const { frames, frameAt } = walLayout(wal);
    const middle = Math.floor(frames / 2);
    flipBytes(wal, frameAt(middle) + 24 + 200, 16);
    const before = fs.readFileSync(wal);
    // Without the scan, SQLite reads up to the damage and silently drops every later commit.
    expect(rowsSqliteWouldRead(copy)).toBeLessThan(COMMANDS);

    const error = (() => {
      try {
        return new SqliteStore(copy);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(StoreDamagedError);
    const message = (error as Error).message;
    expect(message).toContain(`${wal} (${before.length} bytes, ${middle} of ${frames} frames valid) is damaged`);
    expect(message).toContain(`frame ${middle + 1} of ${frames} fails its checksum`);
    expect(message).toContain(`sqlite3 ${copy} ".recover"`);
    expect(fs.readFileSync(wal).equals(before)).toBe(true);
  });

  it('opens a WAL whose last frame was cut short by a crash, with every commit before it', async () => {
    const copy = await crashedCopy();
    const wal = `${copy}-wal`;
    const { pageSize } = walLayout(wal);
    fs.truncateSync(wal, fs.statSync(wal).size - pageSize / 2);
    const store = new SqliteStore(copy);
    expect(await store.readLog('s1')).toEqual(entries(1, COMMANDS - 1));
    await store.close();
  });

  it('refuses a main file with a garbled page, naming the file and how to recover', async () => {
    const file = path.join(root, `case-${++cases}`, 'chaos-quest.sqlite');
    const store = new SqliteStore(file);
    await seedSession(store, 's1');
    await store.append('s1', entries(1, 300));
    await store.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const db = new Database(file, { readonly: true });
    const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'log'").get() as {
      rootpage: number;
    };
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    flipBytes(file, (rootpage - 1) * pageSize, 12);

    expect(() => new SqliteStore(file)).toThrow(StoreDamagedError);
    expect(() => new SqliteStore(file)).toThrow(
      new RegExp(`${file} is damaged: (PRAGMA quick_check found|SQLite says)`),
    );
    expect(() => new SqliteStore(file)).toThrow(/Restore .* from a backup, or salvage/);
  });

  it('refuses a file that is not a database at all', () => {
    const file = path.join(root, `case-${++cases}`, 'chaos-quest.sqlite');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'not a database '.repeat(400));
    expect(() => new SqliteStore(file)).toThrow(StoreDamagedError);
  });

  it('reports failing while writes fail on a lock held elsewhere, and ok after the next write lands', async () => {
    const file = path.join(root, `case-${++cases}`, 'chaos-quest.sqlite');
    const store = new SqliteStore(file, { busyTimeoutMs: 0 });
    await seedSession(store, 's1');
    const other = new Database(file);
    other.exec('BEGIN EXCLUSIVE');
    await expect(store.append('s1', [entry(1)])).rejects.toThrow(/locked|busy/i);
    expect(store.health()).toEqual({ state: 'failing', reason: expect.stringMatching(/locked|busy/i) });
    other.exec('COMMIT');
    other.close();
    await store.append('s1', [entry(1)]);
    expect(store.health()).toEqual({ state: 'ok' });
    await store.close();
  });
  it('reports failing for good once a read meets a damaged page while running', async () => {
    const file = path.join(root, `case-${++cases}`, 'chaos-quest.sqlite');
    const setup = new SqliteStore(file);
    await seedSession(setup, 's1');
    await setup.close();
    const store = new SqliteStore(file);
    const other = new SqliteStore(file);
    expect(await store.getScenarioText(SCENARIO_HASH)).not.toBeNull();
    // Garble the scenario texts' root page (page 2) on disk; another writer's commit makes this store drop its page cache.
    flipBytes(file, 4096, 12);
    await other.append('s1', [entry(1)]);
    await expect(store.getScenarioText(SCENARIO_HASH)).rejects.toThrow(/malformed/);
    expect(store.health()).toEqual({
      state: 'failing',
      reason: expect.stringMatching(/^the database is damaged .*SQLITE_CORRUPT/),
    });
    await store.append('s1', [entry(2)]);
    expect(store.health()).toMatchObject({ state: 'failing' });
    await Promise.all([store.close(), other.close()]);
  });
});
