import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './api-error.ts';

/**
 * Serves the built client from `clientDir` when it has an index.html, with the single-page-app
 * fallback: any other GET outside `/api` and `/socket.io` gets index.html, so deep links work.
 * Unknown API paths always get a JSON 404. Returns whether the client is served.
 */
export async function registerClientApp(app: FastifyInstance, clientDir: string | null): Promise<boolean> {
  const serving = clientDir !== null && existsSync(join(clientDir, 'index.html'));
  if (serving) await app.register(fastifyStatic, { root: clientDir });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const api = path.startsWith('/api/') || path === '/api' || path.startsWith('/socket.io') || path === '/metrics';
    if (serving && !api && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(reply, 404, 'not-found', `Nothing at ${request.method} ${path}.`);
  });
  return serving;
}
