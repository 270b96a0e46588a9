import type { ConsoleCodeResponse, FacilitatorView, SeatMessage, TakeConsoleResponse } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import type { ChaosServer } from '../../server/src/app.ts';
import { connectError, createSession, joinSession, postJson, TestClient, until, withServer } from './harness.ts';

const facilitatorView = (client: TestClient) => client.latest.view as FacilitatorView;

/** Records the `seat` messages a socket gets (its seat moved) and whether the server closed it. */
function watchSeat(client: TestClient): { seats: SeatMessage[]; closed: () => boolean } {
  const seats: SeatMessage[] = [];
  let closed = false;
  client.socket.on('seat', (message: SeatMessage) => seats.push(message));
  client.socket.on('disconnect', (reason) => (closed ||= reason === 'io server disconnect'));
  return { seats, closed: () => closed };
}

async function consoleCode(server: ChaosServer, sessionId: string, token: string, kind: string) {
  return postJson<ConsoleCodeResponse>(
    `${server.url}/api/sessions/${sessionId}/console-code`,
    { kind },
    { authorization: `Bearer ${token}` },
  );
}

describe('people and seats', () => {
  it('seats a late joiner mid-game, who then gets their role’s secrets, and moves and removes players in play', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      await facilitator.send({ type: 'session.start' });
      const late = await joinSession(server, created.joinCode, 'Lee');
      const lee = await TestClient.connect(server.url, { token: late.playerToken });
      expect(lee.playerView.me.role).toBeNull();
      expect(await facilitator.send({ type: 'player.assign', playerId: late.playerId, role: 'sre' })).toMatchObject({
        ok: true,
      });
      await until(() => lee.mes.at(-1)?.me.role?.id === 'sre');
      expect(lee.playerView.me.role?.secrets).toEqual(['Yesterday you raised the resolver TTL to 24h.']);
      await facilitator.send({ type: 'player.assign', playerId: late.playerId, role: 'comms' });
      await until(() => lee.mes.at(-1)?.me.role?.id === 'comms');
      const gone = watchSeat(lee);
      await facilitator.send({ type: 'player.remove', playerId: late.playerId });
      await until(gone.closed);
      expect(await connectError(server.url, { token: late.playerToken })).toMatch(/not valid/);
      facilitator.close();
    });
  });

  it('tells namesakes apart and gives a rejoining player their seat back on the new device, once the facilitator agrees', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      const first = await joinSession(server, created.joinCode, 'Alice');
      const phone = await TestClient.connect(server.url, { token: first.playerToken });
      await phone.send({ type: 'role.take', role: 'ic' });
      await facilitator.send({ type: 'session.brief' });
      await facilitator.send({ type: 'session.start' });

      const again = await joinSession(server, created.joinCode, 'alice');
      const laptop = await TestClient.connect(server.url, { token: again.playerToken });
      expect(laptop.playerView.me.name).toBe('alice (2)');
      const laptopSeat = watchSeat(laptop);
      const phoneSeat = watchSeat(phone);
      expect(await laptop.send({ type: 'seat.claim', playerId: first.playerId })).toMatchObject({ ok: true });
      await until(() => facilitatorView(facilitator).seatClaims.length === 1);
      expect(await facilitator.send({ type: 'seat.answer', playerId: again.playerId, give: true })).toMatchObject({
        ok: true,
      });

      await until(() => laptopSeat.seats.length === 1 && phoneSeat.closed());
      expect(phoneSeat.seats).toEqual([{ kind: 'moved' }]);
      const moved = laptopSeat.seats[0];
      if (moved?.kind !== 'player') throw new Error('the laptop was not given the seat');
      expect(moved.playerId).toBe(first.playerId);
      await until(laptopSeat.closed);
      const back = await TestClient.connect(server.url, { token: moved.token });
      expect(back.playerView.me).toMatchObject({ playerId: first.playerId, name: 'Alice', role: { id: 'ic' } });
      expect(await connectError(server.url, { token: first.playerToken })).toMatch(/not valid/);
      expect(await connectError(server.url, { token: again.playerToken })).toMatch(/not valid/);
      expect(facilitatorView(facilitator).players.map((p) => p.name)).toEqual(['Alice']);
      facilitator.close();
      back.close();
    });
  });

  it('lets newcomers only watch once joining is locked or the table is full, while seated players reconnect', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      const ann = await joinSession(server, created.joinCode, 'Ann');
      expect(await facilitator.send({ type: 'table.configure', cap: 1 })).toMatchObject({ ok: true });
      const bo = await joinSession(server, created.joinCode, 'Bo');
      const boClient = await TestClient.connect(server.url, { token: bo.playerToken });
      expect(boClient.playerView.me.audience).toBe(true);
      expect(await boClient.send({ type: 'role.take', role: 'ic' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringMatching(/watching/) },
      });
      await facilitator.send({ type: 'table.configure', cap: null, locked: true });
      const cy = await joinSession(server, created.joinCode, 'Cy');
      const annClient = await TestClient.connect(server.url, { token: ann.playerToken });
      expect(annClient.playerView.me.audience).toBe(false);
      await until(() => facilitatorView(facilitator).players.length === 3);
      expect(facilitatorView(facilitator).players.map((p) => [p.id, p.audience])).toEqual([
        [ann.playerId, false],
        [bo.playerId, true],
        [cy.playerId, true],
      ]);
      // The facilitator seats someone watching: they join the table.
      await facilitator.send({ type: 'player.assign', playerId: bo.playerId, role: 'ic' });
      await until(() => boClient.mes.at(-1)?.me.audience === false);
      expect(await boClient.send({ type: 'hand.raise', raised: true })).toMatchObject({ ok: true });
      for (const c of [facilitator, boClient, annClient]) c.close();
    });
  });

  it('hands the console to another device with a one-time code, and the old device loses it', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      const laptop = await TestClient.connect(server.url, { token: created.facilitatorToken });
      const player = await joinSession(server, created.joinCode, 'Ana');
      expect((await consoleCode(server, created.sessionId, player.playerToken, 'facilitator')).status).toBe(403);
      const issued = await consoleCode(server, created.sessionId, created.facilitatorToken, 'facilitator');
      expect(issued.status).toBe(201);
      expect(issued.body.code).toMatch(/^[A-Z2-9]{8}$/);
      const oldSeat = watchSeat(laptop);
      const typed = `${issued.body.code.slice(0, 4).toLowerCase()}-${issued.body.code.slice(4)}`;
      const taken = await postJson<TakeConsoleResponse>(`${server.url}/api/console`, { code: typed });
      expect(taken.status).toBe(201);
      expect(taken.body).toMatchObject({
        sessionId: created.sessionId,
        joinCode: created.joinCode,
        kind: 'facilitator',
      });
      await until(oldSeat.closed);
      expect(oldSeat.seats).toEqual([{ kind: 'moved' }]);
      expect(await connectError(server.url, { token: created.facilitatorToken })).toMatch(/not valid/);
      const tablet = await TestClient.connect(server.url, { token: taken.body.token });
      expect(await tablet.send({ type: 'session.start' })).toMatchObject({ ok: true });
      // Once only.
      expect((await postJson(`${server.url}/api/console`, { code: issued.body.code })).status).toBe(404);
      tablet.close();
    });
  });

  it('opens co-facilitator seats that run the game but cannot end it, until the facilitator dismisses them', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      const issued = await consoleCode(server, created.sessionId, created.facilitatorToken, 'co-facilitator');
      const taken = await postJson<TakeConsoleResponse>(`${server.url}/api/console`, { code: issued.body.code });
      expect(taken.body.kind).toBe('co-facilitator');
      const co = await TestClient.connect(server.url, { token: taken.body.token });
      expect(co.latest.view.viewer).toBe('facilitator');
      expect(await co.send({ type: 'session.start' })).toMatchObject({ ok: true });
      expect(await co.send({ type: 'session.pause' })).toMatchObject({ ok: true });
      expect(await co.send({ type: 'session.end', outcome: 'partial' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringMatching(/end the session/) },
      });
      expect(await co.send({ type: 'exercise.signoff', name: 'Co' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringMatching(/sign off/) },
      });
      expect((await consoleCode(server, created.sessionId, taken.body.token, 'facilitator')).status).toBe(403);
      // The facilitator's own seat stays where it was.
      expect(await facilitator.send({ type: 'session.resume' })).toMatchObject({ ok: true });
      const coSeat = watchSeat(co);
      // A second code, shown but not yet used when the facilitator dismisses co-facilitators.
      const unused = await consoleCode(server, created.sessionId, created.facilitatorToken, 'co-facilitator');
      const dismissed = await fetch(`${server.url}/api/sessions/${created.sessionId}/co-facilitators/dismiss`, {
        method: 'POST',
        headers: { authorization: `Bearer ${created.facilitatorToken}` },
      });
      expect(dismissed.status).toBe(204);
      await until(coSeat.closed);
      expect(await connectError(server.url, { token: taken.body.token })).toMatch(/not valid/);
      expect((await postJson(`${server.url}/api/console`, { code: unused.body.code })).status).toBe(404);
      facilitator.close();
    });
  });

  it('recovers the console by join code with the admin key where one is set', async () => {
    await withServer(
      async (server) => {
        const { status, body: created } = await postJson<{ joinCode: string; facilitatorToken: string }>(
          `${server.url}/api/sessions`,
          { scenarioId: 'dns-ttl-trap' },
          { 'x-admin-key': 'k'.repeat(32) },
        );
        expect(status).toBe(201);
        expect((await postJson(`${server.url}/api/console/recover`, { joinCode: created.joinCode })).status).toBe(401);
        const recovered = await postJson<TakeConsoleResponse>(
          `${server.url}/api/console/recover`,
          { joinCode: created.joinCode.toLowerCase() },
          { 'x-admin-key': 'k'.repeat(32) },
        );
        expect(recovered.status).toBe(201);
        expect(await connectError(server.url, { token: created.facilitatorToken })).toMatch(/not valid/);
        const back = await TestClient.connect(server.url, { token: recovered.body.token });
        expect(back.latest.view.viewer).toBe('facilitator');
        back.close();
      },
      { adminKey: 'k'.repeat(32) },
    );
  });

  it('shows the facilitator a page to a role nobody holds, and no player receives it', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      const seat = await joinSession(server, created.joinCode, 'Ivy');
      const ivy = await TestClient.connect(server.url, { token: seat.playerToken });
      await ivy.send({ type: 'role.take', role: 'ic' });
      await until(() => facilitatorView(facilitator).emptyRoles.join() === 'sre,comms');
      await facilitator.send({ type: 'session.start' });
      await facilitator.send({ type: 'clock.advance', minutes: 10 });
      await until(() => facilitatorView(facilitator).unheld.includes('page'));
      expect(facilitatorView(facilitator).injects.find((i) => i.key === 'page')?.text).toMatch(/PAGE/);
      expect(JSON.stringify(ivy.frames)).not.toContain('checkout 5xx');
      facilitator.close();
      ivy.close();
    });
  });

  it('pauses by itself when the console drops, ticks nothing while paused, and fires each timed inject once after the resume', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      let facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      const seat = await joinSession(server, created.joinCode, 'Ana');
      const ana = await TestClient.connect(server.url, { token: seat.playerToken });
      await ana.send({ type: 'role.take', role: 'sre' });
      await facilitator.send({ type: 'session.start' });
      await facilitator.send({ type: 'clock.advance', minutes: 7 });
      await facilitator.send({ type: 'clock.pace', secondsPerMinute: 1 });
      facilitator.close();

      const paused = await ana.viewWhere((m) => m.view.phase === 'paused', 20_000);
      expect(paused.view.autoPaused).toBe(true);
      const log = await server.store.readLog(created.sessionId);
      expect(log.at(-1)).toMatchObject({ actor: { kind: 'system' }, command: { type: 'session.autopause' } });
      const pausedAt = paused.view.clock.minutes;
      const ticksAtPause = log.filter((e) => e.command.type === 'clock.tick').length;
      // Well past a paced minute: nothing ticks while paused.
      await new Promise((r) => setTimeout(r, 2_500));
      const during = await server.store.readLog(created.sessionId);
      expect(during.filter((e) => e.command.type === 'clock.tick')).toHaveLength(ticksAtPause);

      facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      expect(facilitator.latest.view.phase).toBe('paused');
      await facilitator.send({ type: 'session.resume' });
      await ana.viewWhere((m) => m.view.clock.minutes >= Math.max(pausedAt, 10) + 1, 20_000);
      const pages = ana.latest.view.injects.filter((i) => i.injectId === 'page');
      expect(pages).toHaveLength(1);
      expect(pages[0]?.at.game).toBe(10);
      const after = await server.store.readLog(created.sessionId);
      const minutes = after.filter((e) => e.command.type === 'clock.tick').length;
      expect(7 + minutes).toBe(ana.latest.view.clock.minutes);
      facilitator.close();
      ana.close();
    });
  }, 60_000);
});
