import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  connectError,
  createSession,
  joinSession,
  startServer,
  tempDir,
  TestClient,
  until,
  withServer,
} from './harness.ts';

describe('reconnection', () => {
  it('brings a player whose network dropped back to the same seat with the current view', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      const seat = await joinSession(server, created.joinCode, 'Ana');
      const ana = await TestClient.connect(server.url, { token: seat.playerToken }, { reconnection: true });
      await ana.send({ type: 'role.take', role: 'sre' });
      await until(() => facilitator.presences.at(-1)?.connected.includes(seat.playerId) === true);

      // Cut the transport under the socket, as a lost network does; socket.io reconnects by itself.
      ana.socket.io.engine.close();
      await until(() => facilitator.presences.at(-1)?.connected.length === 0);
      await facilitator.send({ type: 'session.start' });
      const current = (await facilitator.resync()).seq;
      await ana.viewWhere((m) => m.seq === current);
      expect(ana.socket.connected).toBe(true);
      const view = ana.playerView;
      expect(view.me.playerId).toBe(seat.playerId);
      expect(view.me.role?.id).toBe('sre');
      expect(view.phase).toBe('running');
      await until(() => facilitator.presences.at(-1)?.connected.includes(seat.playerId) === true);

      // A page reload: a new socket with the token the browser kept.
      ana.close();
      const reloaded = await TestClient.connect(server.url, { token: seat.playerToken });
      expect(reloaded.latest.seq).toBe(current);
      expect(await reloaded.send({ type: 'hand.raise', raised: true })).toEqual({ ok: true, seq: current + 1 });
      reloaded.close();
      facilitator.close();
    });
  });

  it('resumes every seat at the same state after the server restarts on the same data', async () => {
    const dir = tempDir();
    try {
      let server = await startServer(dir);
      const created = await createSession(server, { seed: 'restart-seed' });
      const seat = await joinSession(server, created.joinCode, 'Ana');
      let facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      let ana = await TestClient.connect(server.url, { token: seat.playerToken });
      await ana.send({ type: 'role.take', role: 'sre' });
      await facilitator.send({ type: 'session.start' });
      await facilitator.send({ type: 'clock.advance', minutes: 10 });
      const before = (await ana.resync()).view;
      const beforeMe = ana.mes.at(-1);
      facilitator.close();
      ana.close();
      await server.close();

      server = await startServer(dir);
      facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      ana = await TestClient.connect(server.url, { token: seat.playerToken });
      expect(ana.latest).toEqual({ seq: 5, view: before });
      expect(ana.mes).toEqual([beforeMe]);
      expect(await ana.send({ type: 'inject.ack', key: 'page' })).toEqual({ ok: true, seq: 6 });
      expect(facilitator.latest.view.milestones['acknowledged']).toBeDefined();
      facilitator.close();
      ana.close();
      await server.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('closes a removed player’s sockets and refuses their token from then on', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      const seat = await joinSession(server, created.joinCode, 'Mallory');
      const mallory = await TestClient.connect(server.url, { token: seat.playerToken });
      const disconnected = new Promise<string>((resolve) => mallory.socket.once('disconnect', resolve));
      expect(await facilitator.send({ type: 'player.remove', playerId: seat.playerId })).toMatchObject({ ok: true });
      expect(await disconnected).toBe('io server disconnect');
      expect(await connectError(server.url, { token: seat.playerToken })).toMatch(/not valid/);
      facilitator.close();
    });
  });

  it('refuses a bad handshake with a message that says what to send', async () => {
    await withServer(async (server) => {
      expect(await connectError(server.url, {})).toMatch(/Send \{ token \}/);
      expect(await connectError(server.url, { token: 'x'.repeat(43) })).toMatch(/not valid/);
      expect(await connectError(server.url, { observe: 'ZZZZZZ' })).toMatch(
        /No running session has the join code ZZZZZZ/,
      );
    });
  });
});
