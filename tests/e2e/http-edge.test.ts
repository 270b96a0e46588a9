import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_DIST } from './build-client.ts';
import { person, serverAndBrowser } from './harness.ts';

/** The built app under its Content-Security-Policy, and the create form when the server refuses another machine. */
describe('the HTTP edge in the browser', () => {
  // Trusting X-Forwarded-For lets one browser context pose as another machine, as it would behind a proxy.
  const env = serverAndBrowser({ trustProxy: ['loopback'] });

  it('ships no source maps in the production build', () => {
    const files = readdirSync(CLIENT_DIST, { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('runs under its CSP: opens a session and talks to the server over a WebSocket, with no violation', async () => {
    const facilitator = await person(env.browser, 'facilitator');
    const { page } = facilitator;
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    const response = await page.goto(env.server.url);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await page.getByRole('radio', { name: /The TTL Trap/ }).check();
    await page.getByRole('button', { name: 'Open a session' }).click();
    await expect.poll(() => page.locator('.join-code').textContent()).toMatch(/^[A-Z0-9]{6}$/);
    await expect
      .poll(() => sockets.some((url) => url.includes('/socket.io/') && url.includes('transport=websocket')))
      .toBe(true);
    // A blocked script, style, image or connection is a console error: none.
    expect(facilitator.errors).toEqual([]);
    await facilitator.context.close();
  });

  it('shows another machine why it may not create sessions, in the create form', async () => {
    const visitor = await person(env.browser, 'visitor', { extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.7' } });
    const { page } = visitor;
    await page.goto(env.server.url);
    await page.getByRole('radio', { name: /The TTL Trap/ }).check();
    await page.getByRole('button', { name: 'Open a session' }).click();
    const refusal = page.locator('.create-form').getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('set CQ_ADMIN_KEY on the server');
    expect(env.server.hub.liveCount()).toBe(1);
    // The refused POST itself is the only error the page saw.
    expect(visitor.errors.filter((e) => !e.includes('403'))).toEqual([]);
    await visitor.context.close();
  });
});
