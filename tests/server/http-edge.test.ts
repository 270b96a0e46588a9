import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { CreateSessionResponse } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import { CREATE_LIMIT, MAX_LIVE_SESSIONS } from '../../server/src/http/limits.ts';
import { connectError, createSession, postJson, tempDir, TestClient, withServer } from './harness.ts';

const create = { scenarioId: 'dns-ttl-trap' };
const from = (address: string, headers: Record<string, string> = {}) => ({ 'x-forwarded-for': address, ...headers });

/** A request with any headers at all, Host included (fetch will not send a Host of our choosing). */
function rawRequest(
  url: string,
  options: { method: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('who may create sessions (issue 9, finding 4)', () => {
  it('without CQ_ADMIN_KEY refuses every creation from another machine, and takes them from this one', async () => {
    await withServer(
      async (server) => {
        for (let i = 0; i < 20; i++) {
          const refused = await postJson(`${server.url}/api/sessions`, create, from('203.0.113.7'));
          expect(refused.status).toBe(403);
          expect(refused.body.error.code).toBe('admin-key-required');
          expect(refused.body.error.message).toContain('set CQ_ADMIN_KEY');
        }
        expect(server.hub.liveCount()).toBe(0);
        expect((await postJson(`${server.url}/api/sessions`, create, from('::ffff:127.0.0.1'))).status).toBe(201);
        expect((await postJson(`${server.url}/api/sessions`, create)).status).toBe(201);
      },
      { trustProxy: ['loopback'] },
    );
  });

  it('ignores X-Forwarded-For unless CQ_TRUST_PROXY says to believe it', async () => {
    await withServer(async (server) => {
      expect((await postJson(`${server.url}/api/sessions`, create, from('203.0.113.7'))).status).toBe(201);
    });
  });

  it('with CQ_ADMIN_KEY lets any machine create with the key, and only with it', async () => {
    await withServer(
      async (server) => {
        expect((await postJson(`${server.url}/api/sessions`, create, from('203.0.113.7'))).status).toBe(401);
        expect(
          (await postJson(`${server.url}/api/sessions`, create, from('203.0.113.7', { 'x-admin-key': 'k3y' }))).status,
        ).toBe(201);
      },
      { trustProxy: true, adminKey: 'k3y' },
    );
  });

  it('limits creations per address: a burst of 20, then refused with 429', async () => {
    await withServer(
      async (server) => {
        for (let i = 0; i < CREATE_LIMIT.capacity; i++)
          expect((await postJson(`${server.url}/api/sessions`, create, from('127.0.0.2'))).status).toBe(201);
        const limited = await postJson(`${server.url}/api/sessions`, create, from('127.0.0.2'));
        expect(limited.status).toBe(429);
        expect(limited.body.error.message).toMatch(/Wait 30 s/);
        expect((await postJson(`${server.url}/api/sessions`, create, from('127.0.0.3'))).status).toBe(201);
      },
      { trustProxy: true },
    );
  });

  it(`refuses with 503 once the server holds ${MAX_LIVE_SESSIONS} live sessions`, async () => {
    await withServer(
      async (server) => {
        // Spread over addresses so that the per-address limit is not what stops them.
        for (let i = 0; i < MAX_LIVE_SESSIONS; i++) {
          const { status } = await postJson(
            `${server.url}/api/sessions`,
            create,
            from(`127.0.${Math.floor(i / CREATE_LIMIT.capacity)}.1`),
          );
          expect(status).toBe(201);
        }
        expect(server.hub.liveCount()).toBe(MAX_LIVE_SESSIONS);
        const full = await postJson(`${server.url}/api/sessions`, create, from('127.1.0.1'));
        expect(full.status).toBe(503);
        expect(full.body.error.code).toBe('too-many-sessions');
        expect(server.hub.liveCount()).toBe(MAX_LIVE_SESSIONS);
      },
      { trustProxy: true },
    );
  }, 120_000);

  it('throttles wrong admin keys per address on every route that checks the key', async () => {
    await withServer(
      async (server) => {
        const wrong = from('198.51.100.9', { 'x-admin-key': 'guess' });
        const right = from('198.51.100.9', { 'x-admin-key': 'k3y' });
        for (let i = 0; i < 3; i++)
          expect((await postJson(`${server.url}/api/sessions`, create, wrong)).status).toBe(401);
        for (let i = 0; i < 2; i++) expect((await fetch(`${server.url}/metrics`, { headers: wrong })).status).toBe(401);
        // Out of tries: even the right key is not looked at, so the answer tells a guesser nothing.
        const throttled = await postJson(`${server.url}/api/sessions`, create, right);
        expect(throttled.status).toBe(429);
        expect(throttled.body.error.message).toMatch(/Too many wrong admin keys.*Wait 10 s/);
        expect((await fetch(`${server.url}/api/metrics`, { headers: right })).status).toBe(429);
        // Another address is not held back by this one's guessing.
        expect(
          (await postJson(`${server.url}/api/sessions`, create, from('198.51.100.10', { 'x-admin-key': 'k3y' })))
            .status,
        ).toBe(201);
      },
      { trustProxy: true, adminKey: 'k3y' },
    );
  });

  it('gives sockets the same forwarded client address as HTTP', async () => {
    await withServer(
      async (server) => {
        const created = await createSession(server);
        // Spend 198.51.100.1's join attempts over HTTP; its socket observe attempt is then refused too.
        for (let i = 0; i < 10; i++)
          await postJson(`${server.url}/api/join`, { joinCode: 'QQQQQQ', name: 'Eve' }, from('198.51.100.1'));
        expect(await connectError(server.url, { observe: created.joinCode }, from('198.51.100.1'))).toMatch(
          /Too many attempts/,
        );
        const other = await TestClient.connect(
          server.url,
          { observe: created.joinCode },
          { extraHeaders: from('198.51.100.2') },
        );
        other.close();
      },
      { trustProxy: true },
    );
  });
});

describe('origins (issue 9, finding 9)', () => {
  it('refuses a DNS-rebinding page whose Host and Origin both name another site', async () => {
    await withServer(async (server) => {
      const rebound = {
        host: `rebind.example:${server.port}`,
        origin: `http://rebind.example:${server.port}`,
        'content-type': 'application/json',
      };
      const response = await rawRequest(`${server.url}/api/sessions`, {
        method: 'POST',
        headers: rebound,
        body: JSON.stringify(create),
      });
      expect(response.status).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'forbidden-origin' } });
      expect(server.hub.liveCount()).toBe(0);
      const created = await createSession(server);
      // Refused at the upgrade: connectError rejects if the socket connects.
      await connectError(
        server.url,
        { token: created.facilitatorToken },
        { host: rebound.host, origin: rebound.origin },
      );
      // The server's own pages still work, by every loopback name.
      for (const origin of [server.url, `http://localhost:${server.port}`]) {
        expect((await postJson(`${server.url}/api/sessions`, create, { origin })).status, origin).toBe(201);
      }
      const own = await TestClient.connect(
        server.url,
        { token: created.facilitatorToken },
        { extraHeaders: { origin: `http://localhost:${server.port}` } },
      );
      own.close();
    });
  });

  it('with CQ_PUBLIC_URL takes that origin and no longer the listening addresses', async () => {
    await withServer(
      async (server) => {
        expect(
          (await postJson(`${server.url}/api/sessions`, create, { origin: 'https://quest.example.com' })).status,
        ).toBe(201);
        const local = await postJson(`${server.url}/api/sessions`, create, { origin: server.url });
        expect(local.status).toBe(403);
        expect(local.body.error.message).toContain('CQ_PUBLIC_URL');
      },
      { publicUrl: 'https://quest.example.com/' },
    );
  });

  it('answers the CORS preflight of an allowed origin, and gives another origin no CORS headers', async () => {
    const allowed = 'http://localhost:5173';
    await withServer(
      async (server) => {
        const preflight = (origin: string) =>
          fetch(`${server.url}/api/sessions`, {
            method: 'OPTIONS',
            headers: {
              origin,
              'access-control-request-method': 'POST',
              'access-control-request-headers': 'content-type,x-admin-key',
            },
          });
        const ok = await preflight(allowed);
        expect(ok.status).toBe(204);
        expect(ok.headers.get('access-control-allow-origin')).toBe(allowed);
        expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
        expect(ok.headers.get('access-control-allow-headers')?.split(/, */)).toEqual(
          expect.arrayContaining(['content-type', 'x-admin-key']),
        );
        const other = await preflight('http://evil.example');
        expect(other.headers.get('access-control-allow-origin')).toBeNull();
        const response = await fetch(`${server.url}/api/sessions`, {
          method: 'POST',
          headers: { origin: allowed, 'content-type': 'application/json' },
          body: JSON.stringify(create),
        });
        expect(response.status).toBe(201);
        expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
        expect(((await response.json()) as CreateSessionResponse).joinCode).toBeTruthy();
      },
      { allowedOrigins: [allowed] },
    );
  });
});

describe('the client app', () => {
  it('is served with a Content-Security-Policy, nosniff and no referrer, on every file and the app-route fallback', async () => {
    const client = tempDir('cq-client-');
    mkdirSync(join(client, 'assets'));
    writeFileSync(join(client, 'index.html'), '<!doctype html><title>Chaos Quest</title>');
    writeFileSync(join(client, 'assets', 'app.js'), 'console.log(1)');
    await withServer(
      async (server) => {
        for (const path of ['/', '/index.html', '/session/abc', '/assets/app.js']) {
          const response = await fetch(server.url + path);
          expect(response.status, path).toBe(200);
          const csp = response.headers.get('content-security-policy') ?? '';
          for (const directive of [
            "default-src 'self'",
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'none'",
            "connect-src 'self'",
          ]) {
            expect(csp, `${path}: ${directive}`).toContain(directive);
          }
          expect(csp, path).not.toContain('unsafe-inline');
          expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
          expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
        }
      },
      { clientDir: client },
    );
    rmSync(client, { recursive: true, force: true });
  });
});
