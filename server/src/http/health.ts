import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/store.ts';

/**
 * `GET /api/health` → 200 `{ ok: true, store: 'ok' }` while the process serves requests and its
 * store can write; 503 `{ ok: false, store: 'failing', reason }` once the store's last write failed
 * (I/O, a lock held elsewhere, a full disk) or it is closed, so a load balancer or supervisor sees
 * a server that would lose commands.
 */
export function registerHealth(app: FastifyInstance, store: Store): void {
  app.get('/api/health', async (_request, reply) => {
    const health = store.health();
    if (health.state === 'ok') return { ok: true, store: 'ok' };
    return reply.code(503).send({ ok: false, store: 'failing', reason: health.reason });
  });
}
