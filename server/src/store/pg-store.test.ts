import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PG_MIGRATIONS, migratePg, type PgMigration } from './pg-migrations.ts';
import { PgPool } from './pg-pool.ts';
import { PgStore } from './pg-store.ts';
import { TcpProxy } from './pg-test-proxy.ts';
import { createTestSchema, testDatabaseUrl, testQuery, urlWithOptions, type TestSchema } from './pg-test-schema.ts';
import { storeContract } from './store-contract.ts';
import { SeqConflictError } from './store.ts';
import { entries, entry, seedSession } from './store-fixtures.ts';

// Every test gets its own schema on the real server (CQ_TEST_DATABASE_URL); all are dropped after.
const schemas: TestSchema[] = [];
afterAll(async () => {
  await Promise.all(schemas.map((s) => s.drop()));
});
async function freshSchema(): Promise<TestSchema> {
  const schema = await createTestSchema('store');
  schemas.push(schema);
  return schema;
}

storeContract('PgStore', async () => PgStore.open((await freshSchema()).url, { poolSize: 4 }));

const query = testQuery;

describe('PgStore on a real PostgreSQL', () => {
  it('keeps everything across close and reopen, and a second start migrates nothing', async () => {
    const { url } = await freshSchema();
    const first = await PgStore.open(url);
    const row = await seedSession(first, 's1', { team: 'red' });
    await first.addPlayerToken('s1', 'p1', 'tok-p1');
    await first.append('s1', entries(1, 5));
    await first.close();

    const second = await PgStore.open(url);
    expect(await second.getSession('s1')).toEqual(row);
    expect(await second.findSeat('tok-p1')).toEqual({ sessionId: 's1', kind: 'player', playerId: 'p1' });
    expect(await second.readLog('s1')).toEqual(entries(1, 5));
    await second.close();
    const versions = await query<{ version: number }>(url, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((v) => v.version)).toEqual(PG_MIGRATIONS.map((m) => m.version));
  });

  it('migrates once when several nodes start together on an empty schema', async () => {
    const { url } = await freshSchema();
    const stores = await Promise.all([1, 2, 3, 4].map(() => PgStore.open(url, { poolSize: 2 })));
    await seedSession(stores[0] as PgStore, 's1');
    expect(await (stores[3] as PgStore).getSession('s1')).not.toBeNull();
    await Promise.all(stores.map((s) => s.close()));
    const versions = await query<{ version: number }>(url, 'SELECT version FROM schema_migrations');
    expect(versions).toHaveLength(PG_MIGRATIONS.length);
  });

  it('lets only one of two nodes take a seq, whichever writes first', async () => {
    const { url } = await freshSchema();
    const [a, b] = (await Promise.all([PgStore.open(url), PgStore.open(url)])) as [PgStore, PgStore];
    await seedSession(a, 's1');
    await a.append('s1', entries(1, 3));
    for (let seq = 4; seq < 24; seq++) {
      const results = await Promise.allSettled([
        a.append('s1', [entry(seq, `a:${seq}`)]),
        b.append('s1', [entry(seq, `b:${seq}`)]),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')?.reason).toBeInstanceOf(SeqConflictError);
    }
    const log = await b.readLog('s1');
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(await a.readLog('s1')).toEqual(log);
    await Promise.all([a.close(), b.close()]);
  });

  it('groups appends arriving together and still refuses only the bad ones, each with its own reason', async () => {
    const { url } = await freshSchema();
    const store = await PgStore.open(url, { poolSize: 2 });
    const ids = Array.from({ length: 40 }, (_, i) => `s${i}`);
    for (const id of ids) await seedSession(store, id);
    await store.append('s7', [entry(1, 'player:p1:taken')]);
    const appends = ids.map((id) => store.append(id, id === 's7' ? [entry(2, 'player:p1:taken')] : entries(1, 3)));
    appends.push(store.append('nope', [entry(1)]));
    const results = await Promise.allSettled(appends);
    const reasons = results.map((r) =>
      r.status === 'rejected' ? (r.reason as Error).name + ': ' + (r.reason as Error).message : 'ok',
    );
    expect(reasons.filter((r) => r !== 'ok')).toEqual([
      expect.stringMatching(/^DuplicateCommandError: .*player:p1:taken/),
      expect.stringMatching(/^Error: Session nope does not exist/),
    ]);
    for (const id of ids) expect((await store.readLog(id)).length).toBe(id === 's7' ? 1 : 3);
    await store.close();
  });

  it('migrates a schema left at an older version forward, keeping its rows', async () => {
    const { url } = await freshSchema();
    const old = await PgStore.open(url);
    await seedSession(old, 's1');
    await old.append('s1', entries(1, 3));
    await old.close();
    // A later release's migration, as the next entry in the list would be shipped.
    const next: PgMigration = {
      version: PG_MIGRATIONS.length + 1,
      name: 'log: by time',
      sql: 'CREATE INDEX log_at ON log (session_id, at)',
    };
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    expect(await migratePg(client, [...PG_MIGRATIONS, next])).toEqual([next.version]);
    expect(await migratePg(client, [...PG_MIGRATIONS, next])).toEqual([]);
    await client.end();
    const indexSql = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'log'";
    const indexes = await query<{ indexname: string }>(url, indexSql);
    expect(indexes.map((i) => i.indexname)).toContain('log_at');
    expect((await query<{ seq: number }>(url, 'SELECT seq FROM log ORDER BY seq')).map((r) => Number(r.seq))).toEqual([
      1, 2, 3,
    ]);

    // This release, which stops at the previous version, refuses the newer schema rather than guess.
    await expect(PgStore.open(url)).rejects.toThrow(new RegExp(`version ${next.version}.*Upgrade Chaos Quest`));
  });

  it('applies a failing migration not at all', async () => {
    const { url } = await freshSchema();
    const broken: PgMigration = {
      version: PG_MIGRATIONS.length + 1,
      name: 'broken',
      sql: 'ALTER TABLE no_such_table ADD COLUMN x INT',
    };
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await expect(migratePg(client, [...PG_MIGRATIONS, broken])).rejects.toThrow(/no_such_table/);
    await client.end();
    const tables = await query<{ n: string }>(
      url,
      'SELECT count(*) AS n FROM pg_tables WHERE schemaname = current_schema()',
    );
    expect(Number(tables[0]?.n)).toBe(0);
  });

  it('commits with synchronous_commit on even where the connection defaults to off', async () => {
    const { schema } = await freshSchema();
    // The URL's options stand in for a database or role whose default is off.
    const lax = urlWithOptions(testDatabaseUrl(), `-c search_path=${schema} -c synchronous_commit=off`);
    expect((await query<{ s: string }>(lax, "SELECT current_setting('synchronous_commit') AS s"))[0]?.s).toBe('off');
    const store = await PgStore.open(lax, { poolSize: 1 });
    expect(await store.synchronousCommit()).toBe('on');
    await store.close();
  });

  it('reports failing while PostgreSQL is unreachable, refuses writes with a clear error, and recovers after', async () => {
    const { url } = await freshSchema();
    const proxy = await TcpProxy.start(new URL(url));
    const store = await PgStore.open(proxy.url(url), { poolSize: 2, connectionTimeoutMs: 1000 });
    await seedSession(store, 's1');
    await store.append('s1', entries(1, 2));
    await proxy.stop();
    await expect(store.append('s1', [entry(3)])).rejects.toThrow(
      /PostgreSQL at 127\.0\.0\.1:\d+\/test cannot be reached.*check that it runs/,
    );
    expect(store.health()).toEqual({ state: 'failing', reason: expect.stringMatching(/PostgreSQL/) });
    await proxy.resume();
    await store.append('s1', [entry(3)]);
    expect(store.health()).toEqual({ state: 'ok' });
    expect(await store.readLog('s1')).toEqual(entries(1, 3));
    await store.close();
    await proxy.stop();
  });

  it('survives a connection cut in the middle of a transaction: the transaction rejects, the process lives on', async () => {
    const { url } = await freshSchema();
    const proxy = await TcpProxy.start(new URL(url));
    const pool = PgPool.create(proxy.url(url), { poolSize: 1, connectionTimeoutMs: 1000 });
    // A lent connection that dies mid-query emits 'error' on its client; unheard, Node ends the process.
    const cut = pool.transaction(async (client) => {
      const sleeping = client.query('SELECT pg_sleep(5)');
      setTimeout(() => void proxy.stop(), 200);
      await sleeping;
    });
    await expect(cut).rejects.toThrow(/PostgreSQL/);
    expect(pool.health()).toEqual({ state: 'failing', reason: expect.stringMatching(/PostgreSQL/) });
    await proxy.resume();
    expect(await pool.read<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await pool.close();
    await proxy.stop();
  });

  it('refuses to start with a clear message when PostgreSQL cannot be reached', async () => {
    const error = await PgStore.open('postgres://postgres@127.0.0.1:1/test', { connectionTimeoutMs: 2000 }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toMatch(/PostgreSQL at 127\.0\.0\.1:1\/test cannot be reached.*CQ_DATABASE_URL/);
  });
});
