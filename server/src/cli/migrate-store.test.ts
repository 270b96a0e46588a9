import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from './run-cli.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { PgStore } from '../store/pg-store.ts';
import { createTestSchema, type TestSchema } from '../store/pg-test-schema.ts';
import { SqliteStore } from '../store/sqlite-store.ts';
import { entries, entry, incident, seedSession } from '../store/store-fixtures.ts';
import type { Store } from '../store/store.ts';
import { trackedAction } from '../store/store-contract-exercise.ts';
import { MIGRATE_STORE_USAGE, migrateStore } from './migrate-store.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cq-migrate-store-'));
const schemas: TestSchema[] = [];
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await Promise.all(schemas.map((s) => s.drop()));
});

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCommand(migrateStore, args, dir);
  return { code, out: stdout, err: stderr };
}

async function freshSchema(): Promise<TestSchema> {
  const schema = await createTestSchema('migrate');
  schemas.push(schema);
  return schema;
}

let files = 0;
/**
 * A real SQLite store file with three sessions: one ended with a debrief, one live with a revoked
 * player and snapshots (SQLite keeps the newest 3), one empty.
 */
async function sqliteFile(): Promise<string> {
  const name = `source-${++files}.sqlite`;
  const store = new SqliteStore(path.join(dir, name));
  await seedSession(store, 'old', { createdAt: 1000, team: 'red' });
  await seedSession(store, 'live', { createdAt: 2000 });
  await seedSession(store, 'empty', { createdAt: 2000 });
  await store.addPlayerToken('live', 'p1', 'tok-p1');
  await store.addPlayerToken('live', 'p2', 'tok-p2');
  await store.revokePlayer('live', 'p2');
  await store.append('old', entries(1, 1500));
  await store.append('live', entries(1, 40));
  for (const seq of [10, 20, 30, 40]) await store.putSnapshot('live', { seq, state: `{"seq":${seq}}` });
  await store.markEnded('old', 5000);
  await store.putIncidentRecord('old', incident('old'));
  await store.putIncidentRecord('live', incident('live', { outcome: 'partial' }));
  await store.addEvaluatorToken('live', 'e1', 'tok-e1');
  await store.putCorrectiveActions([trackedAction('old.ca1', 'old', 'red')]);
  await store.putRunAnnotation({ sessionId: 'old', note: null, excluded: true, reason: 'training run', at: 6000 });
  await store.addReadOnlyLink({ id: 'l1', sessionId: 'old', createdAt: 6000 }, 'link-1');
  await store.addReadOnlyLink({ id: 'l2', sessionId: 'old', createdAt: 6001 }, 'link-2');
  await store.revokeReadOnlyLink('old', 'l2', 7000);
  await store.close();
  return name;
}

/** Everything a server reads from a store, as plain data for comparison. */
async function contents(store: Store) {
  const sessions = await store.listSessions();
  return {
    sessions,
    logs: await Promise.all(sessions.map((s) => store.readLog(s.id))),
    snapshots: await Promise.all(sessions.map((s) => store.latestSnapshot(s.id))),
    seats: await Promise.all(['fac-old', 'fac-live', 'fac-empty', 'tok-p1', 'tok-p2'].map((t) => store.findSeat(t))),
    incidents: await store.listIncidentRecords(),
    live: await store.findLiveSessionByJoinCode('JLIVE'),
    evaluator: await store.findEvaluatorSeat('tok-e1'),
    actions: await store.listCorrectiveActions('red'),
    annotations: await store.listRunAnnotations(),
    links: await store.listReadOnlyLinks('old'),
    openLink: await store.findReadOnlyLink('link-1'),
  };
}

describe('chaos-quest migrate-store', () => {
  it('copies a SQLite store into PostgreSQL so that both read the same, and a second run copies nothing', async () => {
    const file = await sqliteFile();
    const { url } = await freshSchema();
    const first = await run(['--from', `sqlite:${file}`, '--to', url]);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(
      /3 sessions \(3 new\), 1540 commands \(1540 new\), 3 snapshots, 2 incident records, 1 scenario texts/,
    );
    expect(first.err).toMatch(/applied schema migration\(s\) 1/);
    expect(first.err).toMatch(/session 1\/3 old: 1500 commands \(1500 new\)/);
    expect(first.err).toMatch(/session 3\/3 empty: 0 commands/);

    const sqlite = new SqliteStore(path.join(dir, file));
    const pgStore = await PgStore.open(url);
    const expected = await contents(sqlite);
    expect(expected.seats[4], 'the revoked token is part of the fixture').toBeNull();
    expect(await contents(pgStore)).toEqual(expected);
    await pgStore.close();

    const again = await run(['--from', `sqlite:${file}`, '--to', url]);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/3 sessions \(0 new\), 1540 commands \(0 new\)/);
    expect(again.err).not.toMatch(/applied schema migration/);
    const reopened = await PgStore.open(url);
    expect(await contents(reopened)).toEqual(expected);
    await reopened.close();
    await sqlite.close();
  });

  it('keeps commands a session took in PostgreSQL after the copy, and refuses a log that went its own way', async () => {
    const file = await sqliteFile();
    const { url } = await freshSchema();
    expect((await run(['--from', `sqlite:${file}`, '--to', url])).code).toBe(0);
    const pgStore = await PgStore.open(url);
    await pgStore.append('live', [entry(41)]);
    await pgStore.close();
    const again = await run(['--from', `sqlite:${file}`, '--to', url]);
    expect(again.code, again.err).toBe(0);

    // The SQLite side also went on, differently: seq 41 holds another command there.
    const sqlite = new SqliteStore(path.join(dir, file));
    await sqlite.append('live', [entry(41, 'player:p1:elsewhere')]);
    await sqlite.close();
    const diverged = await run(['--from', `sqlite:${file}`, '--to', url]);
    expect(diverged.code).toBe(1);
    expect(diverged.err).toMatch(/Session live: the log in PostgreSQL differs from the SQLite log at seq 41/);
    const check = await PgStore.open(url);
    expect((await check.readLog('live', 40)).map((e) => e.commandKey)).toEqual([entry(41).commandKey]);
    await check.close();
  });

  it('explains bad arguments, a missing file and an unreachable PostgreSQL', async () => {
    const bad = await run(['--from', 'old.sqlite', '--to', 'postgres://x']);
    expect(bad).toMatchObject({ code: 2, out: '' });
    expect(bad.err).toContain('--from must be sqlite:<file>');
    expect(bad.err).toContain(MIGRATE_STORE_USAGE);
    expect((await run(['--from', 'sqlite:a.db', '--to', 'mysql://x'])).err).toContain('--to must be a postgres:// URL');

    const missing = await run(['--from', 'sqlite:nowhere.sqlite', '--to', 'postgres://postgres@127.0.0.1:1/test']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nowhere\.sqlite does not exist/);

    const file = await sqliteFile();
    const unreachable = await run(['--from', `sqlite:${file}`, '--to', 'postgres://postgres:secret@127.0.0.1:1/test']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toMatch(/cannot reach PostgreSQL at 127\.0\.0\.1:1\/test/);
    expect(unreachable.err).not.toContain('secret');
  });
});
