import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createSession, joinSession, TestClient, until, withServer } from './harness.ts';

const SEED = 'seed-3f9a71-never-over-http';

/**
 * Every GET route the server has, read from Fastify's own route table, so a route added later is
 * covered without touching this test. `printRoutes` draws a tree; each line adds its segment to its
 * parent's path, four columns per level.
 */
function getRoutes(fastify: FastifyInstance): string[] {
  const tree = fastify.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const path = (stack[depth - 1] ?? '') + match[2];
    stack[depth] = path;
    if ((match[3] ?? '').split(', ').includes('GET')) routes.push(path);
  }
  expect(routes.length, 'every GET in the printed table was parsed').toBe(tree.match(/\bGET\b/g)?.length);
  return routes;
}

describe('the dice seed over HTTP', () => {
  it('is in no GET response, with no token, a player token or the facilitator token, but the log export', async () => {
    await withServer(async (server) => {
      const created = await createSession(server, { seed: SEED, team: 'red' });
      const seats = await Promise.all(['Ana', 'Bo', 'Cy'].map((name) => joinSession(server, created.joinCode, name)));
      const clients = await Promise.all(
        seats.map((seat) => TestClient.connect(server.url, { token: seat.playerToken })),
      );
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      const [ana, bo, cy] = clients as [TestClient, TestClient, TestClient];
      const ok = async (promise: Promise<unknown>) => expect(await promise).toMatchObject({ ok: true });
      await ok(ana.send({ type: 'role.take', role: 'sre' }));
      await ok(bo.send({ type: 'role.take', role: 'ic' }));
      await ok(cy.send({ type: 'role.take', role: 'comms' }));
      await ok(facilitator.send({ type: 'session.brief' }));
      await ok(facilitator.send({ type: 'session.start' }));
      await ok(facilitator.send({ type: 'clock.advance', minutes: 10 }));
      await ok(bo.send({ type: 'choice.apply', choiceId: 'look' }));
      await ok(bo.send({ type: 'choice.apply', choiceId: 'rollback', physical: 19 }));
      await facilitator.viewWhere((m) => m.view.phase === 'debrief');
      // The stored record does hold the seed, so a route that passed it on would fail below.
      await until(async () => (await server.store.listIncidentRecords()).length === 1);
      expect((await server.store.listIncidentRecords())[0]?.seed).toBe(SEED);

      const routes = getRoutes(server.fastify);
      expect(routes).toEqual(
        expect.arrayContaining([
          '/api/incidents',
          '/api/metrics',
          '/api/sessions/:id/incident.json',
          '/api/sessions/:id/log.jsonl',
        ]),
      );
      const asWho: Record<string, Record<string, string>> = {
        none: {},
        player: { authorization: `Bearer ${seats[0]?.playerToken}` },
        facilitator: { authorization: `Bearer ${created.facilitatorToken}` },
      };
      const served: string[] = [];
      for (const [who, headers] of Object.entries(asWho)) {
        for (const route of routes) {
          const url = server.url + route.replace(/:[A-Za-z]+/g, created.sessionId).replace(/\*/g, 'anything');
          const response = await fetch(url, { headers });
          const body = await response.text();
          if (who === 'facilitator' && route.endsWith('/log.jsonl')) continue;
          expect(body, `GET ${route} as ${who} (${response.status})`).not.toContain(SEED);
          if (response.status === 200) served.push(`${who} ${route}`);
        }
      }
      // The routes did answer with content, the record among it, not only with refusals.
      expect(served).toEqual(
        expect.arrayContaining([
          'none /api/incidents',
          'player /api/incidents',
          'facilitator /api/sessions/:id/incident.json',
        ]),
      );
      for (const client of [...clients, facilitator]) client.close();
    });
  });
});
