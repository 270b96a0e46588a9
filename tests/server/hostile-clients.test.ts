import type { CommandAck } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import type { ChaosServer } from '../../server/src/app.ts';
import { SessionHub } from '../../server/src/hub/hub.ts';
import { createServerMetrics } from '../../server/src/metrics/server-metrics.ts';
import { ScenarioCache } from '../../server/src/scenarios/by-hash.ts';
import { createSession, joinSession, TestClient, withServer } from './harness.ts';

/** A session with a facilitator and one seated player, both connected. */
async function table(server: ChaosServer) {
  const created = await createSession(server);
  const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
  const seat = await joinSession(server, created.joinCode, 'Ana');
  const player = await TestClient.connect(server.url, { token: seat.playerToken });
  return { created, facilitator, player, close: () => [facilitator, player].forEach((c) => c.close()) };
}

describe('duplicate command ids', () => {
  it('applies a command once however often it is sent, and answers every copy with the same ack', async () => {
    await withServer(async (server) => {
      const { created, facilitator, player, close } = await table(server);
      const concurrent = await Promise.all(
        [1, 2, 3].map(() => facilitator.send({ id: 'start-1', type: 'session.start' })),
      );
      const later = await facilitator.send({ id: 'start-1', type: 'session.start' });
      expect(new Set(concurrent.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify(later)]));
      expect(later).toEqual({ ok: true, seq: 3 });
      const log = await server.store.readLog(created.sessionId);
      expect(log.filter((e) => e.command.id === 'start-1')).toHaveLength(1);
      // The same id from another sender is another command.
      expect(await player.send({ id: 'start-1', type: 'hand.raise', raised: true })).toEqual({ ok: true, seq: 4 });
      close();
    });
  });

  it('still knows a command id after a restart', async () => {
    await withServer(async (server) => {
      const { created, facilitator, close } = await table(server);
      expect(await facilitator.send({ id: 'brief-9', type: 'session.brief' })).toEqual({ ok: true, seq: 3 });
      close();
      // A second hub over the same store has no keys in memory: the store must answer.
      const metrics = createServerMetrics({ sessionsLive: () => 0, socketsConnected: () => 0 });
      const fresh = new SessionHub({
        store: server.store,
        scenarios: new ScenarioCache(),
        metrics,
        log: { info() {}, warn() {}, error() {} },
        rooms: { sendView() {}, sendPatch() {} },
      });
      expect(
        await fresh.submit(created.sessionId, { kind: 'facilitator' }, { id: 'brief-9', type: 'session.brief' }),
      ).toEqual({ ok: true, seq: 3 });
      await fresh.close();
    });
  });
});

describe('malformed, oversized and flooding clients', () => {
  it('answers malformed commands with invalid and changes nothing', async () => {
    await withServer(async (server) => {
      const { facilitator, player, close } = await table(server);
      const before = (await facilitator.resync()).seq;
      const junk: unknown[] = [
        'hello',
        42,
        null,
        [],
        {},
        { type: 'session.start' },
        { id: 'x', type: 'nope' },
        { id: 'x', type: 'session.start', extra: true },
        { id: '', type: 'session.brief' },
        { id: 'x', type: 'clock.advance', minutes: -1 },
        { id: 'x', type: 'timeline.post', text: '   ' },
        { id: 'x'.repeat(65), type: 'session.brief' },
        { id: 'x', type: '__proto__' },
        JSON.parse('{"id":"x","type":"session.brief","__proto__":{"polluted":true}}'),
      ];
      for (const payload of junk) {
        for (const client of [facilitator, player]) {
          const ack = await client.sendRaw(payload);
          expect(ack, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid' } });
        }
      }
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect((await facilitator.resync()).seq).toBe(before);
      close();
    });
  });

  it('refuses a command over 64 KB with too-large, and drops a connection that sends far more', async () => {
    await withServer(async (server) => {
      const { facilitator, player, close } = await table(server);
      const other = await table(server);
      const ack = await player.sendRaw({ id: 'big', type: 'timeline.post', text: 'x'.repeat(70 * 1024) });
      expect(ack).toMatchObject({ ok: false, error: { code: 'too-large' } });
      expect(player.socket.connected).toBe(true);
      const gone = new Promise<string>((resolve) => player.socket.once('disconnect', resolve));
      player.socket.emit('command', { id: 'huge', type: 'timeline.post', text: 'x'.repeat(300 * 1024) }, () => {});
      expect(await gone).toMatch(/transport/);
      expect(await other.facilitator.send({ type: 'session.brief' })).toMatchObject({ ok: true });
      expect(await facilitator.send({ type: 'session.brief' })).toMatchObject({ ok: true });
      close();
      other.close();
    });
  });

  it('rate-limits a flooding socket, then cuts it, while another session plays on', async () => {
    await withServer(async (server) => {
      const flood = await table(server);
      const calm = await table(server);
      const acks: CommandAck[] = [];
      const cut = new Promise<string>((resolve) => flood.player.socket.once('disconnect', resolve));
      for (let i = 0; i < 200; i++)
        flood.player.socket.emit('command', { id: `f${i}`, type: 'hand.raise', raised: i % 2 === 0 }, (a: CommandAck) =>
          acks.push(a),
        );
      expect(await cut).toBe('io server disconnect');
      expect(acks.some((a) => !a.ok && a.error.code === 'rate-limited')).toBe(true);
      expect(acks.filter((a) => a.ok).length).toBeLessThanOrEqual(40);
      expect(await calm.player.send({ type: 'hand.raise', raised: true })).toMatchObject({ ok: true });
      expect(await flood.facilitator.send({ type: 'session.brief' })).toMatchObject({ ok: true });
      const metrics = await fetch(`${server.url}/metrics`).then((r) => r.text());
      expect(metrics).toMatch(/cq_commands_total\{result="rate-limited",type="unparsed"\} \d+/);
      flood.close();
      calm.close();
    });
  });
});
