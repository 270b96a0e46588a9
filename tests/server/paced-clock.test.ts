import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { createSession, joinSession, startServer, tempDir, TestClient, until, withServer } from './harness.ts';

describe('paced mode', () => {
  it('ticks the game clock by logged system commands, fires timed injects, and stops on pause', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      const seat = await joinSession(server, created.joinCode, 'Ana');
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      const ana = await TestClient.connect(server.url, { token: seat.playerToken });
      await ana.send({ type: 'role.take', role: 'sre' });
      await facilitator.send({ type: 'session.start' });
      await facilitator.send({ type: 'clock.advance', minutes: 8 });
      expect(await facilitator.send({ type: 'clock.pace', secondsPerMinute: 1 })).toMatchObject({ ok: true });

      // The page fires at minute 10: two ticks away.
      const paged = await ana.viewWhere((m) => m.view.injects.some((i) => i.injectId === 'page'), 15_000);
      expect(paged.view.clock.minutes).toBe(10);
      const ticks = (await server.store.readLog(created.sessionId)).filter((e) => e.command.type === 'clock.tick');
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.every((e) => e.actor.kind === 'system')).toBe(true);

      expect(server.hub.pacing(created.sessionId)).toBe(1);
      await facilitator.send({ type: 'session.pause' });
      expect(server.hub.pacing(created.sessionId)).toBeNull();
      const stoppedAt = (await facilitator.resync()).view.clock.minutes;
      await facilitator.send({ type: 'session.resume' });
      expect(server.hub.pacing(created.sessionId)).toBe(1);
      await until(() => facilitator.latest.view.clock.minutes > stoppedAt, 15_000);
      await facilitator.send({ type: 'clock.pace', secondsPerMinute: null });
      expect(server.hub.pacing(created.sessionId)).toBeNull();
      expect(facilitator.latest.view.clock.pace).toBeNull();
      facilitator.close();
      ana.close();
    });
  });

  it('keeps pacing a session after a restart, from the pace in its state', async () => {
    const dir = tempDir();
    try {
      let server = await startServer(dir);
      const created = await createSession(server);
      let facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      await facilitator.send({ type: 'session.start' });
      await facilitator.send({ type: 'clock.pace', secondsPerMinute: 1 });
      facilitator.close();
      await server.close();

      server = await startServer(dir);
      expect(server.hub.pacing(created.sessionId)).toBeNull();
      facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      expect(server.hub.pacing(created.sessionId)).toBe(1);
      const resumedAt = facilitator.latest.view.clock.minutes;
      await until(() => facilitator.latest.view.clock.minutes > resumedAt, 15_000);
      facilitator.close();
      await server.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
