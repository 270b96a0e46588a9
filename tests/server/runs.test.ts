import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadOnlyLink, ReadOnlyLinkCreated, RunAnnotation, ViewMessage } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import type { ChaosServer } from '../../server/src/app.ts';
import type { MetricsBody } from '../../server/src/http/metrics.ts';
import { auditFrames } from './frame-audit.ts';
import { FIXTURE } from './fixture-scenario.ts';
import { connectError, createSession, joinSession, postJson, TestClient, until, withServer } from './harness.ts';

const SEED = 'seed-of-a-shared-debrief';
const COACHING = 'Psst: the resolver change log is one click away';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Plays a session of the fixture to its ending and closes the debrief; returns its ids and tokens. */
async function closedRun(server: ChaosServer, team: string) {
  const created = await createSession(server, { seed: SEED, team });
  const seat = await joinSession(server, created.joinCode, 'Ana');
  const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
  const ana = await TestClient.connect(server.url, { token: seat.playerToken });
  try {
    const ok = async (promise: Promise<unknown>) => expect(await promise).toMatchObject({ ok: true });
    await ok(ana.send({ type: 'role.take', role: 'sre' }));
    await ok(facilitator.send({ type: 'session.brief' }));
    await ok(facilitator.send({ type: 'session.start' }));
    await ok(facilitator.send({ type: 'coach', playerId: seat.playerId, text: COACHING }));
    await ok(facilitator.send({ type: 'clock.advance', minutes: 10 }));
    await ok(facilitator.send({ type: 'session.end', outcome: 'partial' }));
    const before = await postJson(
      `${server.url}/api/sessions/${created.sessionId}/read-only-links`,
      {},
      bearer(created.facilitatorToken),
    );
    expect(before.status, 'a debrief still open cannot be shared').toBe(409);
    await ok(facilitator.send({ type: 'session.close' }));
  } finally {
    facilitator.close();
    ana.close();
  }
  return created;
}

const annotate = (server: ChaosServer, sessionId: string, body: unknown, headers: Record<string, string> = {}) =>
  postJson<RunAnnotation>(`${server.url}/api/sessions/${sessionId}/annotation`, body, headers);

describe('annotating a run and leaving it out of the figures', () => {
  it("lets the run's facilitator leave it out with a reason, which the figures then count apart", async () => {
    await withServer(async (server) => {
      const kept = await closedRun(server, 'red');
      const training = await closedRun(server, 'red');
      await until(async () => (await server.store.listIncidentRecords()).length === 2);

      const noReason = await annotate(
        server,
        training.sessionId,
        { excluded: true },
        bearer(training.facilitatorToken),
      );
      expect(noReason.status).toBe(400);
      expect(JSON.stringify(noReason.body)).toContain('say why the run is left out');
      const foreign = await annotate(server, training.sessionId, { excluded: false }, bearer(kept.facilitatorToken));
      expect(foreign.status).toBe(403);

      const saved = await annotate(
        server,
        training.sessionId,
        { excluded: true, reason: '  Training run for new hires ', note: 'Two seats were empty' },
        bearer(training.facilitatorToken),
      );
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({
        excluded: true,
        reason: 'Training run for new hires',
        note: 'Two seats were empty',
      });

      const metrics = (await fetch(`${server.url}/api/metrics?team=red`).then((r) => r.json())) as MetricsBody;
      expect(metrics.practice.runs).toBe(1);
      expect(metrics.practice.excluded).toEqual([
        { sessionId: training.sessionId, reason: 'Training run for new hires' },
      ]);
      expect(metrics.practice.figures.mttd.of).toBe(1);
      const csv = await fetch(`${server.url}/api/metrics.csv`).then((r) => r.text());
      const row = csv.split('\r\n').find((line) => line.startsWith(training.sessionId));
      expect(row).toMatch(/,yes,Training run for new hires,Two seats were empty$/);
      expect(csv).toContain('\r\n\r\ncolumn,definition\r\n');

      // Counted again: the reason goes, the note stays as sent.
      await annotate(server, training.sessionId, { excluded: false, reason: 'stale', note: 'Two seats were empty' });
      const annotations = (await fetch(`${server.url}/api/run-annotations`).then((r) => r.json())) as RunAnnotation[];
      expect(annotations).toEqual([
        expect.objectContaining({ sessionId: training.sessionId, excluded: false, reason: null }),
      ]);
      expect(((await fetch(`${server.url}/api/metrics`).then((r) => r.json())) as MetricsBody).practice.runs).toBe(2);
    });
  });

  it('takes the admin key in place of the facilitator token, and refuses anyone else', async () => {
    await withServer(
      async (server) => {
        const key = { 'x-admin-key': 'k3y' };
        const created = (
          await postJson<{ sessionId: string; facilitatorToken: string }>(
            `${server.url}/api/sessions`,
            { scenarioId: 'dns-ttl-trap' },
            key,
          )
        ).body;
        expect((await annotate(server, created.sessionId, { excluded: false, note: 'x' })).status).toBe(401);
        expect(
          (await annotate(server, created.sessionId, { excluded: false }, { 'x-admin-key': 'wrong' })).status,
        ).toBe(401);
        expect((await annotate(server, created.sessionId, { excluded: false, note: 'admin' }, key)).status).toBe(200);
        expect(
          (await annotate(server, created.sessionId, { excluded: false }, bearer(created.facilitatorToken))).status,
        ).toBe(200);
        expect((await annotate(server, 'no-such-session', { excluded: false }, key)).status).toBe(404);
        expect((await fetch(`${server.url}/api/run-annotations`)).status).toBe(401);
      },
      { adminKey: 'k3y' },
    );
    await withServer(
      async (server) => {
        const created = await createSession(server);
        const away = { 'x-forwarded-for': '203.0.113.9' };
        expect((await annotate(server, created.sessionId, { excluded: false }, away)).status).toBe(401);
        // Without a key, an admin key sent from elsewhere proves nothing.
        expect(
          (await annotate(server, created.sessionId, { excluded: false }, { ...away, 'x-admin-key': 'any' })).status,
        ).toBe(401);
        expect((await annotate(server, created.sessionId, { excluded: false })).status).toBe(200);
        expect((await annotate(server, created.sessionId, { excluded: false, note: 'n'.repeat(1001) })).status).toBe(
          400,
        );
      },
      { trustProxy: ['loopback'] },
    );
  });
});

describe('a read-only link to a closed debrief', () => {
  it('opens the debrief as the big screen sees it, no secrets, no commands, and nothing once revoked', async () => {
    await withServer(async (server, dataDir) => {
      const run = await closedRun(server, 'blue');
      const other = await closedRun(server, 'green');
      const links = `${server.url}/api/sessions/${run.sessionId}/read-only-links`;
      expect((await postJson(links, {}, bearer(other.facilitatorToken))).status).toBe(403);
      const { status, body: created } = await postJson<ReadOnlyLinkCreated>(links, {}, bearer(run.facilitatorToken));
      expect(status).toBe(201);
      expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

      const response = await fetch(`${server.url}/api/debrief`, { headers: bearer(created.token) });
      expect(response.headers.get('cache-control')).toBe('no-store');
      const message = (await response.json()) as ViewMessage;
      expect(message.view).toMatchObject({ viewer: 'observer', phase: 'ended', team: 'blue' });
      expect(message.view.ending?.outcome).toBe('partial');
      expect(auditFrames(FIXTURE, SEED, [message])).toEqual([]);
      expect(JSON.stringify(message)).not.toContain(COACHING);
      expect(JSON.stringify(message)).not.toContain(other.sessionId);

      const page = await fetch(`${server.url}/api/debrief/timeline?end=2&limit=2`, { headers: bearer(created.token) });
      expect((await page.json()) as unknown[]).toHaveLength(2);
      expect(
        (await fetch(`${server.url}/api/debrief/timeline?end=2&limit=500`, { headers: bearer(created.token) })).status,
      ).toBe(400);
      const telemetry = await fetch(`${server.url}/api/debrief/telemetry?from=0`, { headers: bearer(created.token) });
      expect(await telemetry.json()).toEqual({ telemetry: null });

      // The token opens no seat: a socket with it is refused, so no command can be sent.
      expect(await connectError(server.url, { token: created.token })).toMatch(/token/i);
      // Only its hash is stored.
      const file = readdirSync(dataDir).find((f) => f.endsWith('.sqlite')) as string;
      const db = new Database(join(dataDir, file), { readonly: true });
      const stored = db.prepare('SELECT token_hash FROM read_only_links').pluck().all() as string[];
      db.close();
      expect(stored).toHaveLength(1);
      expect(stored[0]).not.toContain(created.token);

      const listed = (await fetch(links, { headers: bearer(run.facilitatorToken) }).then((r) =>
        r.json(),
      )) as ReadOnlyLink[];
      expect(listed).toEqual([
        { id: created.id, sessionId: run.sessionId, createdAt: created.createdAt, revokedAt: null },
      ]);
      expect(JSON.stringify(listed)).not.toContain(created.token);
      const revoke = `${links}/${created.id}/revoke`;
      expect((await postJson(revoke, {}, bearer(other.facilitatorToken))).status).toBe(403);
      expect((await fetch(revoke, { method: 'POST', headers: bearer(run.facilitatorToken) })).status).toBe(204);
      expect((await fetch(`${server.url}/api/debrief`, { headers: bearer(created.token) })).status).toBe(404);
      expect((await fetch(`${server.url}/api/debrief`)).status).toBe(401);
    });
  });
});
