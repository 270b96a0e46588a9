import type { FastifyInstance } from 'fastify';

/** `GET /api/health` → `{ ok: true }` while the process serves requests. */
export function registerHealth(app: FastifyInstance): void {
  app.get('/api/health', async () => ({ ok: true }));
}
