import { SESSION_LIMITS, type JoinResponse } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import type { ServerInfo } from '../../server/src/http/server-info.ts';
import { connectError, createSession, postJson, withServer } from './harness.ts';

// Every request here comes from 127.0.0.1, as a whole office does behind one router; the server runs with its default join limits.
describe('joining from one address', () => {
  it('seats 14 players joining at once from one address', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      const names = Array.from({ length: 14 }, (_, i) => `Player ${i + 1}`);
      const joins = await Promise.all(
        names.map((name) => postJson<JoinResponse>(`${server.url}/api/join`, { joinCode: created.joinCode, name })),
      );
      expect(joins.map((j) => j.status)).toEqual(names.map(() => 201));
      expect(new Set(joins.map((j) => j.body.playerId)).size).toBe(14);
    });
  });

  it('refuses the 11th wrong code from one address, and then the right one too', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      for (let i = 0; i < 10; i++) {
        expect((await postJson(`${server.url}/api/join`, { joinCode: `WRONG${i}`, name: 'Eve' })).status).toBe(404);
      }
      const refused = await postJson(`${server.url}/api/join`, { joinCode: 'WRONGX', name: 'Eve' });
      expect(refused.status).toBe(429);
      expect(refused.body.error.message).toMatch(/Too many wrong join codes from this address\. Wait \d+ s/);
      expect((await postJson(`${server.url}/api/join`, { joinCode: created.joinCode, name: 'Eve' })).status).toBe(429);
      expect(await connectError(server.url, { observe: created.joinCode })).toMatch(/Too many attempts/);
    });
  });

  it('counts a burst of concurrent wrong codes before answering any of them', async () => {
    await withServer(async (server) => {
      await createSession(server);
      const guesses = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          postJson(`${server.url}/api/join`, { joinCode: `GUESS${i}`, name: 'Eve' }),
        ),
      );
      const statuses = guesses.map((g) => g.status);
      expect(statuses.filter((s) => s === 404)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    });
  });

  it('still caps the seats of one session', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      for (let i = 0; i < SESSION_LIMITS.players; i++) {
        expect((await postJson(`${server.url}/api/join`, { joinCode: created.joinCode, name: `P${i}` })).status).toBe(
          201,
        );
      }
      const full = await postJson(`${server.url}/api/join`, { joinCode: created.joinCode, name: 'One more' });
      expect(full.status).toBe(409);
      expect(full.body.error.code).toBe('budget');
    });
  });

  it('tells the client where players join: CQ_PUBLIC_URL when it is set', async () => {
    await withServer(async (server) => {
      const info = (await fetch(`${server.url}/api/server-info`).then((r) => r.json())) as ServerInfo;
      expect(info).toEqual({ joinUrl: `http://127.0.0.1:${server.port}`, localOnly: true });
    });
    await withServer(
      async (server) => {
        const info = (await fetch(`${server.url}/api/server-info`).then((r) => r.json())) as ServerInfo;
        expect(info).toEqual({ joinUrl: 'https://quest.example.com', localOnly: false });
      },
      { env: { CQ_PUBLIC_URL: 'https://quest.example.com/' } },
    );
  });
});
