import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../server/src/cli/cli-io.ts';
import { migrateStore } from '../../server/src/cli/migrate-store.ts';
import { createTestSchema, type TestSchema } from '../../server/src/store/pg-test-schema.ts';
import { createSession, joinSession, startServer, tempDir, TestClient } from './harness.ts';

const schemas: TestSchema[] = [];
afterAll(async () => {
  await Promise.all(schemas.map((s) => s.drop()));
});

describe('moving a game day from SQLite to PostgreSQL', () => {
  it('lets players of a session played on SQLite pick it up on PostgreSQL after migrate-store, with the same view', async () => {
    const schema = await createTestSchema('move');
    schemas.push(schema);
    const dir = tempDir();
    try {
      const onSqlite = await startServer(dir);
      const created = await createSession(onSqlite, { team: 'moving' });
      const seat = await joinSession(onSqlite, created.joinCode, 'Ana');
      const facilitator = await TestClient.connect(onSqlite.url, { token: created.facilitatorToken });
      const ana = await TestClient.connect(onSqlite.url, { token: seat.playerToken });
      for (const command of [
        { type: 'session.brief' },
        { type: 'session.start' },
        { type: 'clock.advance', minutes: 5 },
      ] as const) {
        expect(await facilitator.send(command)).toMatchObject({ ok: true });
      }
      expect(await ana.send({ type: 'timeline.post', text: 'Written on SQLite' })).toMatchObject({ ok: true });
      const last = facilitator.latest.seq;
      await ana.viewWhere((m) => m.seq === last);
      const anaView = JSON.stringify(ana.latest.view);
      facilitator.close();
      ana.close();
      await onSqlite.close();

      let err = '';
      const io: CliIo = { out: () => undefined, err: (t) => void (err += t), cwd: dir };
      expect(
        await migrateStore(['--from', `sqlite:${join(dir, 'chaos-quest.sqlite')}`, '--to', schema.url], io),
        err,
      ).toBe(0);

      const onPg = await startServer(dir, { env: { CQ_DATABASE_URL: schema.url } });
      try {
        const back = await TestClient.connect(onPg.url, { token: seat.playerToken });
        expect(back.latest.seq).toBe(last);
        expect(JSON.stringify(back.latest.view)).toBe(anaView);
        expect(JSON.stringify(back.latest.view)).toContain('Written on SQLite');
        expect(await back.send({ type: 'timeline.post', text: 'Written on PostgreSQL' })).toEqual({
          ok: true,
          seq: last + 1,
        });
        back.close();
      } finally {
        await onPg.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
