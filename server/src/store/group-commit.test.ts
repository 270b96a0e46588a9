import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cq-group-commit-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let files = 0;

function table(): Database.Database {
  const db = new Database(path.join(root, `db-${++files}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
  return db;
}

/** A barrier the test opens by hand, one per batch. */
function manualBarriers() {
  const gates: { open: () => void; fail: (error: Error) => void }[] = [];
  const barrier = () => new Promise<void>((resolve, reject) => gates.push({ open: resolve, fail: reject }));
  return { gates, barrier };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('GroupCommit with a durability barrier', () => {
  it('resolves a committed write only once its barrier has passed', async () => {
    const db = table();
    const { gates, barrier } = manualBarriers();
    const writer = new GroupCommit(db, 1000, barrier);
    let done = false;
    const write = writer.submit(() => db.prepare('INSERT INTO t VALUES (1)').run()).then(() => (done = true));
    await tick();
    // Committed (another reader sees it) but not yet acknowledged.
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    expect(done).toBe(false);
    gates[0]?.open();
    await write;
    expect(done).toBe(true);
    db.close();
  });

  it('runs one barrier at a time: batches committed meanwhile share the next, and resolve in commit order', async () => {
    const db = table();
    const { gates, barrier } = manualBarriers();
    const writer = new GroupCommit(db, 1000, barrier);
    const order: number[] = [];
    const first = writer.submit(() => db.prepare('INSERT INTO t VALUES (1)').run()).then(() => order.push(1));
    await tick();
    const second = writer.submit(() => db.prepare('INSERT INTO t VALUES (2)').run()).then(() => order.push(2));
    await tick();
    const third = writer.submit(() => db.prepare('INSERT INTO t VALUES (3)').run()).then(() => order.push(3));
    await tick();
    // Three batches committed, one barrier running: the later two wait for one that starts after it.
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 3 });
    expect(gates).toHaveLength(1);
    gates[0]?.open();
    await first;
    await tick();
    expect(gates).toHaveLength(2);
    expect(order).toEqual([1]);
    gates[1]?.open();
    await Promise.all([second, third]);
    expect(order).toEqual([1, 2, 3]);
    expect(gates).toHaveLength(2);
    db.close();
  });

  it('rejects every write of a batch whose barrier fails, and keeps serving later batches', async () => {
    const db = table();
    const { gates, barrier } = manualBarriers();
    const writer = new GroupCommit(db, 1000, barrier);
    const a = writer.submit(() => db.prepare('INSERT INTO t VALUES (1)').run());
    const b = writer.submit(() => db.prepare('INSERT INTO t VALUES (2)').run());
    await tick();
    gates[0]?.fail(new Error('EIO: fsync failed'));
    await expect(a).rejects.toThrow('EIO');
    await expect(b).rejects.toThrow('EIO');
    const c = writer.submit(() => db.prepare('INSERT INTO t VALUES (3)').run());
    await tick();
    gates[1]?.open();
    await expect(c).resolves.toBeUndefined();
    await writer.settled();
    db.close();
  });

  it("lets each write's caller run to its end before the next write of the batch settles", async () => {
    const db = table();
    const { gates, barrier } = manualBarriers();
    const writer = new GroupCommit(db, 1000, barrier);
    const order: string[] = [];
    // A caller that goes on through several awaits, as a command's views and ack do after its append.
    const caller = async (n: number) => {
      await writer.submit(() => db.prepare(`INSERT INTO t VALUES (${n})`).run());
      order.push(`settled ${n}`);
      for (let hop = 0; hop < 5; hop++) await Promise.resolve();
      order.push(`done ${n}`);
    };
    const callers = [1, 2, 3].map(caller);
    await tick();
    expect(gates).toHaveLength(1);
    gates[0]?.open();
    await Promise.all(callers);
    expect(order).toEqual(['settled 1', 'done 1', 'settled 2', 'done 2', 'settled 3', 'done 3']);
    db.close();
  });
});
