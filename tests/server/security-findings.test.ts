import { parseScenario, SESSION_LIMITS } from '@chaos-quest/engine';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLAYER_MINUTE_BUDGET } from '../../server/src/hub/typing-budget.ts';
import { auditFrames } from './frame-audit.ts';
import {
  connectError,
  createSession,
  FIXTURE_SCENARIOS,
  joinSession,
  TestClient,
  until,
  withServer,
} from './harness.ts';

/**
 * Issue 9's findings 2, 3, 8 and 12 (a reused command id), the socket limits of finding 1 and the
 * seq-ahead check of finding 11, each tried as the attacker did, against the real server over real
 * sockets with a real SQLite file.
 */

const scenarioText = readFileSync(`${FIXTURE_SCENARIOS}dns-ttl-trap.yaml`, 'utf8');
const scenario = parseScenario(scenarioText, 'dns-ttl-trap.yaml').scenario;
if (!scenario) throw new Error('fixture scenario does not parse');

describe('a player cannot collect the roles’ secrets (finding 2)', () => {
  it('refuses role.take once briefed; a request waits for the facilitator, and no frame ever carries another role’s secrets', async () => {
    await withServer(async (server) => {
      const created = await createSession(server, { seed: 'secret-seed' });
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      const seat = await joinSession(server, created.joinCode, 'Mallory');
      const mallory = await TestClient.connect(server.url, { token: seat.playerToken });
      // In the lobby the player may wander through the roles: their cards carry no secrets yet.
      for (const role of ['sre', 'comms', 'ic'])
        expect(await mallory.send({ type: 'role.take', role })).toMatchObject({ ok: true });
      expect(await facilitator.send({ type: 'session.start' })).toMatchObject({ ok: true });
      for (const role of ['sre', 'comms']) {
        expect(await mallory.send({ type: 'role.take', role })).toMatchObject({
          ok: false,
          error: { code: 'wrong-phase' },
        });
      }
      expect(await facilitator.send({ type: 'session.pause' })).toMatchObject({ ok: true });
      expect(await mallory.send({ type: 'role.take', role: 'sre' })).toMatchObject({
        ok: false,
        error: { code: 'wrong-phase' },
      });
      expect(await facilitator.send({ type: 'session.resume' })).toMatchObject({ ok: true });
      expect(await mallory.send({ type: 'role.request', role: 'sre' })).toMatchObject({ ok: true });
      await facilitator.viewWhere((m) => m.view.viewer === 'facilitator' && m.view.roleRequests.length === 1);
      expect(await facilitator.send({ type: 'role.decline', playerId: seat.playerId })).toMatchObject({ ok: true });
      await mallory.resync();
      expect(mallory.playerView.me).toMatchObject({ role: { id: 'ic' }, requestedRole: null });
      expect(auditFrames(scenario, 'secret-seed', mallory.frames)).toEqual([]);
      expect(JSON.stringify(mallory.frames)).not.toContain('24h');
      expect(JSON.stringify(mallory.frames)).not.toContain('status call');
      facilitator.close();
      mallory.close();
    });
  });
});

describe('ids from the wire are own keys (finding 8)', () => {
  it('refuses __proto__, constructor and toString as player ids and seats no ghost', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      const seat = await joinSession(server, created.joinCode, 'Ana');
      const ana = await TestClient.connect(server.url, { token: seat.playerToken });
      expect(await ana.send({ type: 'role.take', role: 'sre' })).toMatchObject({ ok: true });
      for (const id of ['__proto__', 'constructor', 'toString']) {
        for (const command of [
          { type: 'player.assign', playerId: id, role: 'ic' },
          { type: 'coach', playerId: id, text: 'hello' },
          { type: 'player.remove', playerId: id },
        ] as const) {
          expect(await facilitator.send(command), `${command.type} ${id}`).toMatchObject({
            ok: false,
            error: { code: 'not-found' },
          });
        }
      }
      const { view } = await facilitator.resync();
      expect(view.players.map((p) => p.name)).toEqual(['Ana']);
      facilitator.close();
      ana.close();
    });
  });
});

describe('a session and a seat have budgets (finding 3)', () => {
  it('refuses a seat that writes faster than its minute budget, and keeps the others writing', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      const [a, b] = await Promise.all([
        joinSession(server, created.joinCode, 'Flood'),
        joinSession(server, created.joinCode, 'Calm'),
      ]);
      const flood = await TestClient.connect(server.url, { token: a.playerToken });
      const calm = await TestClient.connect(server.url, { token: b.playerToken });
      await facilitator.send({ type: 'session.start' });
      const line = 'x'.repeat(1000);
      const acks = [];
      for (let i = 0; i < 8; i++) acks.push(await flood.send({ type: 'timeline.post', text: line }));
      const accepted = acks.filter((ack) => ack.ok).length;
      expect(accepted).toBe(PLAYER_MINUTE_BUDGET.text.burst / 1000);
      expect(acks.at(-1)).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
      expect(await calm.send({ type: 'timeline.post', text: 'Still here' })).toMatchObject({ ok: true });
      const { view } = await facilitator.resync();
      expect(view.timeline.filter((t) => t.kind === 'post')).toHaveLength(accepted + 1);
      for (const client of [facilitator, flood, calm]) client.close();
    });
  });

  it('carries at most the newest 200 timeline entries in a view and serves the older ones on request', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      await facilitator.send({ type: 'session.start' });
      // Paced under the seat's message rate (20 a second), which this test does not set out to hit.
      const posts = 210;
      for (let i = 0; i < posts; i++) {
        expect(await facilitator.send({ type: 'timeline.post', text: `Line ${i}` })).toMatchObject({ ok: true });
        await new Promise((r) => setTimeout(r, 55));
      }
      const { view } = await facilitator.resync();
      expect(view.timeline).toHaveLength(200);
      expect(view.timeline.at(-1)?.text).toBe(`Line ${posts - 1}`);
      expect(view.timelineCount).toBeGreaterThan(posts);
      const older = await facilitator.socket
        .timeout(5000)
        .emitWithAck('history', { end: view.timelineCount - 200, limit: 100 });
      expect(older.ok).toBe(true);
      expect(older.entries.map((e: { text: string }) => e.text).at(-1)).toBe(`Line ${posts - 200 - 1}`);
      expect(older.entries.length + view.timeline.length).toBe(view.timelineCount);
      expect(await facilitator.socket.timeout(5000).emitWithAck('history', { end: 10, limit: 5000 })).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
      facilitator.close();
    });
  });

  it('seats at most SESSION_LIMITS.players players from one join code', async () => {
    await withServer(
      async (server) => {
        const created = await createSession(server);
        for (let i = 0; i < SESSION_LIMITS.players; i++) await joinSession(server, created.joinCode, `Seat ${i}`);
        const response = await fetch(`${server.url}/api/join`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ joinCode: created.joinCode, name: 'One too many' }),
        });
        expect(response.status).toBe(409);
        expect(await response.json()).toMatchObject({ error: { code: 'budget' } });
      },
      // A hundred joins from one address: the per-address join limit (10, then one every 6 s) is not
      // what this test is about, so it is opened here; the session's own limit must still hold.
      { joinLimit: { capacity: 1000, perSecond: 1000 } },
    );
  });
});

describe('a reused command id (finding 12)', () => {
  it('answers a retry with its first ack, and the same id with another payload with id-reused', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      const first = await facilitator.send({ id: 'same-id', type: 'session.brief' });
      expect(await facilitator.send({ id: 'same-id', type: 'session.brief' })).toEqual(first);
      expect(await facilitator.send({ id: 'same-id', type: 'session.start' })).toMatchObject({
        ok: false,
        error: { code: 'id-reused' },
      });
      expect((await facilitator.resync()).view.phase).toBe('briefing');
      facilitator.close();
    });
  });
});

describe('sockets per seat (finding 1)', () => {
  it('keeps at most four sockets of one token open, however many it opens at once', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      const attempts = await Promise.allSettled(
        Array.from({ length: 12 }, () => TestClient.connect(server.url, { token: created.facilitatorToken })),
      );
      const opened = attempts
        .filter((a) => a.status === 'fulfilled')
        .map((a) => (a as PromiseFulfilledResult<TestClient>).value);
      expect(opened).toHaveLength(4);
      const refusals = attempts
        .filter((a) => a.status === 'rejected')
        .map((a) => String((a as PromiseRejectedResult).reason));
      expect(refusals.every((r) => /already has 4 connections open|Too many new connections/.test(r))).toBe(true);
      opened[0]?.close();
      await until(async () => (await connectError(server.url, { token: 'x'.repeat(20) })).length > 0);
      for (const client of opened) client.close();
    });
  });
});

describe('a client ahead of the log (finding 11)', () => {
  it('is logged as possible data loss, and gets the log’s own view', async () => {
    const lines: string[] = [];
    await withServer(
      async (server) => {
        const created = await createSession(server);
        const client = await TestClient.connect(server.url, { token: created.facilitatorToken, seq: 909 });
        // The log holds one step: the rules the session opened with.
        expect(client.latest.seq).toBe(1);
        await until(() => lines.some((l) => l.includes('possible data loss') || l.includes('may have been lost')));
        const line = JSON.parse(lines.find((l) => l.includes('may have been lost')) ?? '{}') as {
          heldSeq?: number;
          logSeq?: number;
        };
        expect(line).toMatchObject({ heldSeq: 909, logSeq: 1 });
        client.close();
      },
      { logger: { level: 'warn', stream: { write: (line: string) => void lines.push(line) } } },
    );
  });
});
