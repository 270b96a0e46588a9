import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendError } from './api-error.ts';

/**
 * What the built app may load: its own scripts, styles and API only; `data:` images for the inline
 * favicon. `connect-src 'self'` covers the Socket.IO WebSocket of the same origin (CSP 3). Nobody may
 * frame it (clickjacking), and there are no plugins or `<base>` tricks.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers every response of the client app carries. */
export const CLIENT_APP_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function setSecurityHeaders(reply: FastifyReply): void {
  reply.headers(CLIENT_APP_HEADERS);
}

/**
 * Serves the built client from `clientDir` when it has an index.html, with the single-page-app
 * fallback: any other GET outside `/api` and `/socket.io` gets index.html, so deep links work.
 * Unknown API paths always get a JSON 404. Every file of the app carries CLIENT_APP_HEADERS.
 * Returns whether the client is served.
 */
export async function registerClientApp(app: FastifyInstance, clientDir: string | null): Promise<boolean> {
  const serving = clientDir !== null && existsSync(join(clientDir, 'index.html'));
  if (serving) await app.register(fastifyStatic, { root: clientDir, setHeaders: setSecurityHeaders });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const api = path.startsWith('/api/') || path === '/api' || path.startsWith('/socket.io') || path === '/metrics';
    if (serving && !api && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.headers({ ...CLIENT_APP_HEADERS, 'cache-control': 'no-cache' }).sendFile('index.html');
    }
    return sendError(reply, 404, 'not-found', `Nothing at ${request.method} ${path}.`);
  });
  return serving;
}
