import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store.ts';
import { storeContract } from './store-contract.ts';
import { SeqConflictError } from './store.ts';
import { entries, entry, seedSession } from './store-fixtures.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cq-sqlite-store-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let files = 0;
/** A fresh file in a directory that does not exist yet, so opening must create it. */
const freshFile = () => path.join(root, `case-${++files}`, 'data', 'chaos-quest.db');

storeContract('SqliteStore', async () => new SqliteStore(freshFile()));

describe('SqliteStore on disk', () => {
  it('keeps everything across close and reopen of the same file', async () => {
    const file = freshFile();
    const first = new SqliteStore(file);
    const row = await seedSession(first, 's1', { team: 'red' });
    await first.addPlayerToken('s1', 'p1', 'tok-p1');
    await first.append('s1', entries(1, 5));
    await first.putSnapshot('s1', { seq: 5, state: '{"seq":5}' });
    await first.close();

    const second = new SqliteStore(file);
    expect(await second.getSession('s1')).toEqual(row);
    expect(await second.findSeat('tok-p1')).toEqual({ sessionId: 's1', kind: 'player', playerId: 'p1' });
    expect(await second.readLog('s1')).toEqual(entries(1, 5));
    expect(await second.latestSnapshot('s1')).toEqual({ seq: 5, state: '{"seq":5}' });
    await second.append('s1', [entry(6)]);
    expect(await second.readLog('s1', 5)).toEqual([entry(6)]);
    await second.close();
  });

  it('lets only one of two stores on the same file take a seq', async () => {
    const file = freshFile();
    const a = new SqliteStore(file);
    const b = new SqliteStore(file);
    await seedSession(a, 's1');
    await a.append('s1', entries(1, 3));
    const results = await Promise.allSettled([a.append('s1', [entry(4, 'a:4')]), b.append('s1', [entry(4, 'b:4')])]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(SeqConflictError);
    expect(await b.readLog('s1')).toEqual(await a.readLog('s1'));
    expect((await a.readLog('s1')).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    await Promise.all([a.close(), b.close()]);
  });

  it('opens in WAL mode with a schema version', async () => {
    const file = freshFile();
    const store = new SqliteStore(file);
    await seedSession(store, 's1');
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
    db.close();
    await store.close();
  });

  it('names the session and seq of a damaged log row', async () => {
    const file = freshFile();
    const store = new SqliteStore(file);
    await seedSession(store, 's1');
    await store.append('s1', entries(1, 3));
    await store.close();
    const db = new Database(file);
    db.prepare('UPDATE log SET command = \'{"id":"c2","type":"timeline.post"}\' WHERE seq = 2').run();
    db.prepare("UPDATE log SET actor = 'not json' WHERE seq = 3").run();
    db.close();

    const reopened = new SqliteStore(file);
    await expect(reopened.readLog('s1')).rejects.toThrow(/session s1 at seq 2/);
    await expect(reopened.readLog('s1', 2)).rejects.toThrow(/session s1 at seq 3/);
    expect(await reopened.readLog('s1', 3)).toEqual([]);
    await reopened.close();
  });

  it('refuses a file written by a newer schema version', () => {
    const file = freshFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    expect(() => new SqliteStore(file)).toThrow(/schema version 999/);
  });
});
