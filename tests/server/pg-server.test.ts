import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { CommandAck } from '@chaos-quest/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { PgStore } from '../../server/src/store/pg-store.ts';
import { TcpProxy } from '../../server/src/store/pg-test-proxy.ts';
import { createTestSchema, type TestSchema } from '../../server/src/store/pg-test-schema.ts';
import { createSession, joinSession, startServer, tempDir, TestClient } from './harness.ts';

const schemas: TestSchema[] = [];
afterAll(async () => {
  await Promise.all(schemas.map((s) => s.drop()));
});

async function logRows(url: string, sessionId: string): Promise<{ seq: number; command_key: string }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const sql = 'SELECT seq, command_key FROM log WHERE session_id = $1 ORDER BY seq';
    const { rows } = await client.query<{ seq: string; command_key: string }>(sql, [sessionId]);
    return rows.map((r) => ({ seq: Number(r.seq), command_key: r.command_key }));
  } finally {
    await client.end();
  }
}

describe('the server on PostgreSQL (CQ_DATABASE_URL)', () => {
  it('plays a short game with every acknowledged command in PostgreSQL, and a second server carries on from it', async () => {
    const schema = await createTestSchema('server');
    schemas.push(schema);
    const dir = tempDir();
    const env = { CQ_DATABASE_URL: schema.url };
    const first = await startServer(dir, { env });
    expect(first.store).toBeInstanceOf(PgStore);

    const created = await createSession(first, { seed: 'pg-seed', team: 'teal' });
    const seat = await joinSession(first, created.joinCode, 'Ana');
    const facilitator = await TestClient.connect(first.url, { token: created.facilitatorToken });
    const ana = await TestClient.connect(first.url, { token: seat.playerToken });
    const acked: { id: string; ack: CommandAck }[] = [];
    const send = async (client: TestClient, command: Parameters<TestClient['send']>[0]) => {
      const id = `cmd-${acked.length + 1}`;
      const ack = await client.send({ ...command, id });
      expect(ack).toMatchObject({ ok: true });
      acked.push({ id, ack });
    };
    await send(ana, { type: 'role.take', role: 'sre' });
    await send(facilitator, { type: 'session.brief' });
    await send(facilitator, { type: 'session.start' });
    await send(facilitator, { type: 'clock.advance', minutes: 10 });
    await send(ana, { type: 'inject.ack', key: 'page' });
    await send(ana, { type: 'timeline.post', text: 'Looking at the resolver dashboards' });
    // The same command id again is the same command: acknowledged with its first seq, appended once.
    await send(ana, { type: 'hand.raise', raised: true });
    const retried = acked.at(-1) as (typeof acked)[number];
    expect(await ana.send({ id: retried.id, type: 'hand.raise', raised: true })).toEqual(retried.ack);
    const last = facilitator.latest.seq;
    await ana.viewWhere((m) => m.seq === last);
    expect(await fetch(`${first.url}/api/health`).then((r) => r.json())).toEqual({ ok: true, store: 'ok' });

    const stored = await logRows(schema.url, created.sessionId);
    expect(stored.map((r) => r.seq)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    // Each acknowledged command is in the log at its acked seq, from its sender.
    for (const { id, ack } of acked) {
      if (!ack.ok) throw new Error(`command ${id} was refused`);
      expect(stored[ack.seq - 1]?.command_key).toMatch(new RegExp(`:${id}$`));
    }
    expect(stored.filter((r) => r.command_key.endsWith(`:${retried.id}`))).toHaveLength(1);
    expect(existsSync(join(dir, 'chaos-quest.sqlite')), 'no SQLite file when PostgreSQL is selected').toBe(false);
    const seenBefore = JSON.stringify(ana.latest.view);
    facilitator.close();
    ana.close();
    await first.close();

    // A fresh process on the same database: the session, tokens and log are all there.
    const second = await startServer(dir, { env });
    try {
      const back = await TestClient.connect(second.url, { token: seat.playerToken });
      expect(back.latest.seq).toBe(last);
      expect(JSON.stringify(back.latest.view)).toBe(seenBefore);
      const ack = await back.send({ type: 'timeline.post', text: 'Back on another server' });
      expect(ack).toEqual({ ok: true, seq: last + 1 });
      expect((await logRows(schema.url, created.sessionId)).at(-1)?.seq).toBe(last + 1);
      back.close();
    } finally {
      await second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses commands with a clear error while PostgreSQL is cut off, answers health with 503, and loses nothing', async () => {
    const schema = await createTestSchema('server-cut');
    schemas.push(schema);
    const proxy = await TcpProxy.start(new URL(schema.url));
    const dir = tempDir();
    const server = await startServer(dir, { env: { CQ_DATABASE_URL: proxy.url(schema.url) } });
    try {
      const created = await createSession(server);
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      const posted: number[] = [];
      const post = async (text: string) => {
        const ack = await facilitator.send({ type: 'timeline.post', text });
        if (ack.ok) posted.push(ack.seq);
        return ack;
      };
      for (const type of ['session.brief', 'session.start'] as const)
        expect(await facilitator.send({ type })).toMatchObject({ ok: true });
      for (const n of [1, 2, 3]) expect(await post(`before ${n}`)).toMatchObject({ ok: true });

      await proxy.stop();
      const refused = await post('while cut');
      expect(refused).toEqual({
        ok: false,
        error: { code: 'internal', message: expect.stringMatching(/could not be saved, so nothing changed/) },
      });
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({
        ok: false,
        store: 'failing',
        reason: expect.stringMatching(/PostgreSQL/),
      });

      await proxy.resume();
      const next = (posted.at(-1) as number) + 1;
      expect(await post('after')).toEqual({ ok: true, seq: next });
      expect(await fetch(`${server.url}/api/health`).then((r) => r.json())).toEqual({ ok: true, store: 'ok' });
      const stored = await logRows(schema.url, created.sessionId);
      expect(stored.map((r) => r.seq).slice(-posted.length)).toEqual(posted);
      expect(stored.map((r) => r.seq)).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
      facilitator.close();
    } finally {
      await server.close();
      await proxy.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start on a CQ_DATABASE_URL that is not a PostgreSQL URL', async () => {
    const dir = tempDir();
    try {
      const started = startServer(dir, { env: { CQ_DATABASE_URL: 'mysql://root@127.0.0.1/cq' } });
      await expect(started).rejects.toThrow(/CQ_DATABASE_URL must be a PostgreSQL URL/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
