import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioSummary } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import {
  connectError,
  createSession,
  FIXTURE_SCENARIOS,
  joinSession,
  postJson,
  tempDir,
  TestClient,
  withServer,
} from './harness.ts';

describe('HTTP API', () => {
  it('lists scenarios with their diagnostics, valid or not', async () => {
    const dir = tempDir('cq-scenarios-');
    copyFileSync(join(FIXTURE_SCENARIOS, 'dns-ttl-trap.yaml'), join(dir, 'dns-ttl-trap.yaml'));
    writeFileSync(join(dir, 'half-written.yaml'), 'format: chaos-quest/1\nid: half-written\ntitle: Half\n');
    await withServer(
      async (server) => {
        expect(await fetch(`${server.url}/api/health`).then((r) => r.json())).toEqual({ ok: true, store: 'ok' });
        const list = (await fetch(`${server.url}/api/scenarios`).then((r) => r.json())) as ScenarioSummary[];
        expect(list.map((s) => [s.id, s.valid])).toEqual([
          ['dns-ttl-trap', true],
          ['half-written', false],
        ]);
        expect(list[1]?.diagnostics[0]).toMatchObject({ file: 'half-written.yaml', severity: 'error' });
        const refused = await postJson(`${server.url}/api/sessions`, { scenarioId: 'half-written' });
        expect(refused.status).toBe(404);
        expect(refused.body.error.message).toContain('dns-ttl-trap');
      },
      { scenariosDir: dir },
    );
    rmSync(dir, { recursive: true, force: true });
  });

  it('validates request bodies and answers in one error shape', async () => {
    await withServer(async (server) => {
      for (const body of [{}, { scenarioId: 'dns-ttl-trap', extra: 1 }, { scenarioId: '' }]) {
        const response = await postJson(`${server.url}/api/sessions`, body);
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe('invalid');
      }
      const notJson = await fetch(`${server.url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{nope',
      });
      expect(notJson.status).toBe(400);
      expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe('invalid');
      const unknown = await fetch(`${server.url}/api/nothing-here`);
      expect(unknown.status).toBe(404);
    });
  });

  it('turns away a join with an unknown code, and an address that keeps guessing', async () => {
    await withServer(
      async (server) => {
        const created = await createSession(server);
        const unknown = await postJson(`${server.url}/api/join`, { joinCode: 'QQQQQQ', name: 'Eve' });
        expect(unknown.status).toBe(404);
        expect(unknown.body.error.message).toMatch(/No running session has the join code QQQQQQ/);
        expect((await postJson(`${server.url}/api/join`, { joinCode: created.joinCode, name: 'Ana' })).status).toBe(
          201,
        );
        expect((await postJson(`${server.url}/api/join`, { joinCode: 'QQQQQR', name: 'Eve' })).status).toBe(404);
        // Out of tries, even the right code is refused before it is looked up, so guessing learns nothing.
        const limited = await postJson(`${server.url}/api/join`, { joinCode: created.joinCode, name: 'Bo' });
        expect(limited.status).toBe(429);
        expect(await connectError(server.url, { observe: created.joinCode })).toMatch(/Too many attempts/);
      },
      { joinLimit: { capacity: 2, perSecond: 0.001 } },
    );
  });

  it('gives exports only to the facilitator, by Authorization header and never by URL', async () => {
    await withServer(async (server) => {
      const created = await createSession(server, { seed: 'export-seed' });
      const seat = await joinSession(server, created.joinCode, 'Ana');
      const base = `${server.url}/api/sessions/${created.sessionId}`;
      const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
      for (const file of ['log.jsonl', 'incident.json', 'postmortem.md']) {
        expect((await fetch(`${base}/${file}`)).status).toBe(401);
        expect((await fetch(`${base}/${file}?token=${created.facilitatorToken}`)).status).toBe(401);
        expect((await fetch(`${base}/${file}`, bearer(seat.playerToken))).status).toBe(403);
      }
      const other = await createSession(server);
      expect((await fetch(`${base}/log.jsonl`, bearer(other.facilitatorToken))).status).toBe(403);

      const log = await fetch(`${base}/log.jsonl`, bearer(created.facilitatorToken));
      expect(log.headers.get('content-type')).toContain('application/x-ndjson');
      const lines = (await log.text())
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines).toEqual([
        expect.objectContaining({
          seq: 1,
          actor: { kind: 'system' },
          command: expect.objectContaining({ type: 'session.rules' }),
        }),
        expect.objectContaining({
          seq: 2,
          actor: { kind: 'system' },
          command: expect.objectContaining({ type: 'player.join', name: 'Ana' }),
        }),
      ]);
      expect(Object.keys(lines[0] ?? {}).sort()).toEqual(['actor', 'at', 'command', 'seq']);
      const record = (await fetch(`${base}/incident.json`, bearer(created.facilitatorToken)).then((r) =>
        r.json(),
      )) as Record<string, unknown>;
      expect(record).toMatchObject({ sessionId: created.sessionId, practice: true });
      expect(record, 'the seed leaves the server only with the log').not.toHaveProperty('seed');
      const markdown = await fetch(`${base}/postmortem.md`, bearer(created.facilitatorToken));
      expect(markdown.headers.get('content-type')).toContain('text/markdown');
      expect(await markdown.text()).toMatch(/^# Post-mortem \(draft\): The TTL Trap/);
    });
  });

  it('requires the admin key, when one is set, to create sessions and read metrics', async () => {
    await withServer(
      async (server) => {
        const key = { 'x-admin-key': 'correct horse' };
        expect((await postJson(`${server.url}/api/sessions`, { scenarioId: 'dns-ttl-trap' })).status).toBe(401);
        expect(
          (await postJson(`${server.url}/api/sessions`, { scenarioId: 'dns-ttl-trap' }, { 'x-admin-key': 'wrong' }))
            .status,
        ).toBe(401);
        expect((await postJson(`${server.url}/api/sessions`, { scenarioId: 'dns-ttl-trap' }, key)).status).toBe(201);
        for (const path of ['/api/metrics', '/api/metrics.csv', '/api/incidents', '/metrics']) {
          expect((await fetch(server.url + path)).status, path).toBe(401);
          expect((await fetch(server.url + path, { headers: key })).status, path).toBe(200);
        }
        expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      },
      { adminKey: 'correct horse' },
    );
  });

  it('rejects state changes and sockets from another origin unless it is allowed', async () => {
    await withServer(
      async (server) => {
        const evil = { origin: 'http://evil.example' };
        const created = await postJson(`${server.url}/api/sessions`, { scenarioId: 'dns-ttl-trap' }, evil);
        expect(created.status).toBe(403);
        const sameOrigin = await postJson(
          `${server.url}/api/sessions`,
          { scenarioId: 'dns-ttl-trap' },
          { origin: server.url },
        );
        expect(sameOrigin.status).toBe(201);
        const friendly = await postJson(
          `${server.url}/api/sessions`,
          { scenarioId: 'dns-ttl-trap' },
          { origin: 'http://localhost:5173' },
        );
        expect(friendly.status).toBe(201);
        const token = (friendly.body as unknown as { facilitatorToken: string }).facilitatorToken;
        expect(await connectError(server.url, { token }, evil)).toBeTruthy();
        const allowed = await TestClient.connect(
          server.url,
          { token },
          { extraHeaders: { origin: 'http://localhost:5173' } },
        );
        allowed.close();
      },
      { allowedOrigins: ['http://localhost:5173'] },
    );
  });

  it('validates metrics filters and exposes Prometheus text', async () => {
    await withServer(async (server) => {
      const created = await createSession(server);
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      await facilitator.send({ type: 'session.start' });
      const bad = await fetch(`${server.url}/api/metrics?from=yesterday-ish`);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('yesterday-ish');
      expect((await fetch(`${server.url}/api/metrics?from=2024-01-01&to=${Date.now()}&service=checkout`)).status).toBe(
        200,
      );
      const text = await fetch(`${server.url}/metrics`).then((r) => r.text());
      expect(text).toContain('cq_sessions_live 1');
      expect(text).toContain('cq_sockets_connected 1');
      expect(text).toContain('cq_commands_total{result="ok",type="session.start"} 1');
      // Two appends: the session's rules step, then the start.
      expect(text).toMatch(/cq_append_seconds_count 2\n/);
      facilitator.close();
    });
  });

  it('serves the built client with a fallback to index.html for app routes', async () => {
    const client = tempDir('cq-client-');
    mkdirSync(join(client, 'assets'));
    writeFileSync(join(client, 'index.html'), '<!doctype html><title>Chaos Quest</title>');
    writeFileSync(join(client, 'assets', 'app.js'), 'console.log(1)');
    await withServer(
      async (server) => {
        for (const path of ['/', '/session/abc', '/join']) {
          const response = await fetch(server.url + path);
          expect(response.status, path).toBe(200);
          expect(await response.text()).toContain('<title>Chaos Quest</title>');
        }
        expect(await fetch(`${server.url}/assets/app.js`).then((r) => r.text())).toBe('console.log(1)');
        const api = await fetch(`${server.url}/api/unknown`);
        expect(api.status).toBe(404);
        expect(api.headers.get('content-type')).toContain('application/json');
      },
      { clientDir: client },
    );
    rmSync(client, { recursive: true, force: true });
  });
});
