import type { IncidentRecord } from '@chaos-quest/engine';
import type { MetricsBody } from '../../server/src/http/metrics.ts';
import { describe, expect, it } from 'vitest';
import { auditFrames } from './frame-audit.ts';
import { FIXTURE } from './fixture-scenario.ts';
import { createSession, joinSession, postJson, TestClient, until, withServer } from './harness.ts';

const SEED = 'seed-never-sent-7d1f';
const COACHING = 'Psst: the resolver change log is one click away';

describe('a full game day over sockets', () => {
  it('plays facilitator and three players to an ending, stores the incident, and never leaks a secret', async () => {
    await withServer(async (server) => {
      const created = await createSession(server, { seed: SEED, team: 'red' });
      const seats = await Promise.all(['Ana', 'Bo', 'Cy'].map((name) => joinSession(server, created.joinCode, name)));
      const [anaSeat, boSeat, cySeat] = seats as [(typeof seats)[0], (typeof seats)[0], (typeof seats)[0]];
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      const ana = await TestClient.connect(server.url, { token: anaSeat.playerToken });
      const bo = await TestClient.connect(server.url, { token: boSeat.playerToken });
      const cy = await TestClient.connect(server.url, { token: cySeat.playerToken });
      const observer = await TestClient.connect(server.url, { observe: created.joinCode });
      const ok = async (promise: Promise<unknown>) => expect(await promise).toMatchObject({ ok: true });

      await ok(ana.send({ type: 'role.take', role: 'sre' }));
      await ok(bo.send({ type: 'role.take', role: 'ic' }));
      await ok(cy.send({ type: 'role.take', role: 'comms' }));
      await ok(facilitator.send({ type: 'session.brief' }));
      await ok(facilitator.send({ type: 'session.start' }));
      await ok(cy.send({ type: 'incident.declare', kind: 'incident', note: 'Twitter says checkout is slow' }));
      await ok(facilitator.send({ type: 'coach', playerId: anaSeat.playerId, text: COACHING }));
      await ok(
        facilitator.send({ type: 'inject.improvise', text: 'A journalist emails the press inbox.', to: ['comms'] }),
      );
      await ok(facilitator.send({ type: 'clock.advance', minutes: 10 }));
      await ok(ana.send({ type: 'inject.ack', key: 'page' }));
      await ok(bo.send({ type: 'hand.raise', raised: true }));
      await ok(bo.send({ type: 'choice.apply', choiceId: 'look' }));
      await ok(bo.send({ type: 'choice.apply', choiceId: 'rollback', physical: 19 }));
      await ok(
        ana.send({ type: 'action-item.add', text: 'Put resolver TTL changes through review', owner: 'Platform' }),
      );
      await ok(facilitator.send({ type: 'session.close' }));

      const last = facilitator.latest.seq;
      for (const client of [ana, bo, cy, observer]) await client.viewWhere((m) => m.seq === last);
      expect(facilitator.latest.view.phase).toBe('ended');
      expect(facilitator.presences.at(-1)).toEqual({
        connected: [anaSeat.playerId, boSeat.playerId, cySeat.playerId].sort(),
        facilitator: true,
        observers: 1,
      });

      for (const client of [ana, bo, cy, observer]) expect(auditFrames(FIXTURE, SEED, client.frames)).toEqual([]);
      for (const client of [ana, bo, cy])
        expect(client.mes.length, 'players get their own part in me frames').toBeGreaterThan(0);
      expect(observer.mes).toEqual([]);
      expect(
        auditFrames(FIXTURE, SEED, facilitator.frames).length,
        'the audit must flag what only a facilitator may see',
      ).toBeGreaterThan(0);
      expect(JSON.stringify(facilitator.frames)).not.toContain(SEED);
      expect(JSON.stringify(ana.mes)).toContain(COACHING);
      for (const client of [bo, cy, observer]) expect(JSON.stringify(client.frames)).not.toContain(COACHING);
      expect(JSON.stringify(ana.views), 'coaching travels only in me').not.toContain(COACHING);
      expect(JSON.stringify(cy.frames)).toContain('A journalist emails');
      for (const client of [ana, bo, observer])
        expect(JSON.stringify(client.frames)).not.toContain('A journalist emails');
      expect(JSON.stringify(ana.frames)).toContain('PAGE: checkout 5xx');
      // Each client saw every change in order, with no gap: a view per accepted command.
      for (const client of [facilitator, ana, bo, cy, observer]) {
        const seqs = client.views.map((m) => m.seq);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
        // Updates came as patches, and folding them gives exactly the view the server holds for this client.
        expect(client.misfits, 'every patch fits the view held').toEqual([]);
        expect(JSON.stringify(client.latest.view)).toBe(JSON.stringify((await client.resync()).view));
      }

      await until(async () => (await fetch(`${server.url}/api/incidents`).then((r) => r.json())).length === 1);
      const [record] = (await fetch(`${server.url}/api/incidents?team=red`).then((r) => r.json())) as IncidentRecord[];
      expect(record).toMatchObject({
        sessionId: created.sessionId,
        outcome: 'success',
        ending: 'recovered',
        team: 'red',
        detectionSource: 'monitoring',
      });
      expect(Object.keys(record?.milestones ?? {}).sort()).toEqual([
        'acknowledged',
        'detected',
        'ended',
        'firstPage',
        'resolved',
        'started',
      ]);
      expect(record?.milestones.started?.game).toBe(5);
      expect(record?.falseAlarms).toHaveLength(1);
      expect(record?.roles).toEqual(['Communications Lead', 'Incident Commander', 'On-call SRE']);
      expect(record?.actionItems).toEqual([{ text: 'Put resolver TTL changes through review', owner: 'Platform' }]);

      const metrics = (await fetch(`${server.url}/api/metrics?team=red&scenario=dns-ttl-trap`).then((r) =>
        r.json(),
      )) as MetricsBody;
      expect(metrics.practice.runs).toBe(1);
      // Onset at 02:05, detected on reaching the dashboards at 02:15 (10 minutes of paging plus 5 of looking).
      expect(metrics.practice.figures.mttd).toMatchObject({ count: 1, of: 1, mean: 10 });
      expect(metrics.practice.figures.mttr).toMatchObject({ count: 1, of: 1 });
      expect(metrics.practice.falseAlarms).toBe(1);
      expect(
        ((await fetch(`${server.url}/api/metrics?team=blue`).then((r) => r.json())) as MetricsBody).practice.runs,
      ).toBe(0);
      const csv = await fetch(`${server.url}/api/metrics.csv`).then((r) => r.text());
      // The header and the one run, then an empty line and the definitions.
      expect(csv.split('\r\n\r\n')[0]?.split('\r\n')).toHaveLength(2);
      expect(csv).toContain(created.sessionId);

      // The join code expired with the session.
      const late = await postJson(`${server.url}/api/join`, { joinCode: created.joinCode, name: 'Late' });
      expect(late.status).toBe(404);
      expect(late.body.error.message).toContain(created.joinCode);

      for (const client of [facilitator, ana, bo, cy, observer]) client.close();
    });
  });
});
