import { evaluatorCommands, facilitatorCommands, playerCommands, sharedCommands } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import { createSession, joinSession, TestClient, withServer, type CommandPayload as Payload } from './harness.ts';

/** One well-formed example of every client command; the test fails if the protocol grows one without an example. */
function examples(playerId: string): Record<string, Payload> {
  const list: Payload[] = [
    { type: 'session.brief' },
    { type: 'session.start' },
    { type: 'session.pause' },
    { type: 'session.resume' },
    { type: 'session.end', outcome: 'failure' },
    { type: 'session.close' },
    { type: 'session.configure', monitoring: 'thresholds+baseline' },
    { type: 'clock.advance', minutes: 5 },
    { type: 'clock.pace', secondsPerMinute: 10 },
    { type: 'inject.reveal', injectId: 'page' },
    { type: 'inject.improvise', text: 'A rumour' },
    { type: 'scene.goto', sceneId: 'dashboards' },
    { type: 'milestone.mark', milestone: 'detected' },
    { type: 'declaration.confirm', declarationId: 'd1' },
    { type: 'declaration.reject', declarationId: 'd1', reason: 'Not yet' },
    { type: 'coach', playerId, text: 'Psst' },
    { type: 'dice.roll', dice: 'd20', label: 'Luck' },
    { type: 'dice.reveal', seq: 1 },
    { type: 'player.assign', playerId, role: 'ic' },
    { type: 'player.remove', playerId },
    { type: 'role.decline', playerId },
    { type: 'role.take', role: 'comms' },
    { type: 'role.request', role: 'comms' },
    { type: 'action.propose', text: 'Check DNS' },
    { type: 'choice.vote', choiceId: 'look' },
    { type: 'incident.declare', kind: 'incident' },
    { type: 'hand.raise', raised: true },
    { type: 'inject.ack', key: 'page' },
    { type: 'choice.apply', choiceId: 'look' },
    { type: 'timeline.post', text: 'Note' },
    { type: 'action-item.add', text: 'Fix it' },
    { type: 'exercise.setup', plan: { name: 'IR plan', version: '1' } },
    { type: 'hotwash.configure', anonymous: true },
    { type: 'feedback.submit', wentWell: 'Calm', toImprove: 'Paging', rating: 3 },
    { type: 'area.vote', area: 'f1', vote: true },
    {
      type: 'corrective.add',
      issue: 'Slow',
      action: 'Alert',
      objective: null,
      element: 'training',
      priority: 'low',
      owner: 'Lead',
      organisation: 'Ops',
      due: '2040-01-01',
    },
    { type: 'exercise.signoff', name: 'Fran' },
    { type: 'observation.add', kind: 'strength', objective: null, note: 'Seen' },
    { type: 'objective.rate', objective: 'detect', rating: 'P', reason: 'Fine' },
    { type: 'debrief.note', kind: 'hard', text: 'Hard' },
    { type: 'table.configure', locked: true },
    { type: 'seat.answer', playerId, give: true },
    { type: 'player.ready', ready: true },
    { type: 'seat.claim', playerId },
  ];
  return Object.fromEntries(list.map((p) => [p.type, p]));
}

const typesOf = (schemas: readonly { shape: { type: { value: string } } }[]) => schemas.map((s) => s.shape.type.value);

describe('authorisation by role over sockets', () => {
  it('refuses every facilitator command from a player, whatever their role, and changes nothing', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      const icSeat = await joinSession(server, created.joinCode, 'Ic');
      const sreSeat = await joinSession(server, created.joinCode, 'Sre');
      const ic = await TestClient.connect(server.url, { token: icSeat.playerToken });
      const sre = await TestClient.connect(server.url, { token: sreSeat.playerToken });
      await ic.send({ type: 'role.take', role: 'ic' });
      await sre.send({ type: 'role.take', role: 'sre' });
      await facilitator.send({ type: 'session.start' });
      const before = (await facilitator.resync()).seq;
      const all = examples(sreSeat.playerId);
      expect(Object.keys(all).sort()).toEqual(
        [
          ...typesOf(facilitatorCommands),
          ...typesOf(playerCommands),
          ...typesOf(sharedCommands),
          ...typesOf(evaluatorCommands),
        ].sort(),
      );
      for (const player of [ic, sre]) {
        for (const type of [...typesOf(facilitatorCommands), ...typesOf(evaluatorCommands)]) {
          const ack = await player.send(all[type] as Payload);
          expect(ack, `${type} from a player`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        }
      }
      // A role without can_apply_choices proposes; it cannot apply.
      expect(await sre.send({ type: 'choice.apply', choiceId: 'look' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      // The server's own commands are not part of what a socket may send at all.
      expect(await sre.sendRaw({ id: 'j', type: 'player.join', playerId: 'ghost', name: 'Ghost' })).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
      expect(await sre.sendRaw({ id: 't', type: 'clock.tick' })).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
      expect(await sre.sendRaw({ id: 'p', type: 'session.autopause' })).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
      expect(await facilitator.sendRaw({ id: 'r', type: 'session.rules', rules: 1 })).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
      expect((await facilitator.resync()).seq).toBe(before);
      for (const c of [facilitator, ic, sre]) c.close();
    });
  });

  it('lets an observer watch the public view but perform nothing', async () => {
    await withServer(
      async (server) => {
        const created = await createSession(server);
        const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
        const seat = await joinSession(server, created.joinCode, 'Ana');
        const observer = await TestClient.connect(server.url, { observe: created.joinCode.toLowerCase() });
        expect(observer.latest.view.viewer).toBe('observer');
        await facilitator.send({ type: 'session.start' });
        const before = (await facilitator.resync()).seq;
        for (const payload of Object.values(examples(seat.playerId))) {
          expect(await observer.send(payload), `${payload.type} from an observer`).toMatchObject({
            ok: false,
            error: { code: 'forbidden' },
          });
        }
        expect((await facilitator.resync()).seq).toBe(before);
        expect((await observer.resync()).view.viewer).toBe('observer');
        facilitator.close();
        observer.close();
        // One observer sends every command at once, more than the default burst: the flood limit has its own
        // tests (hostile-clients); here each command must reach the role check.
      },
      { socketLimits: { burst: 100 } },
    );
  });
});
