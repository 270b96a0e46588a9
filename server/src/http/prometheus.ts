import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from './api-deps.ts';
import { requireAdmin } from './guards.ts';

/** `GET /metrics`: Prometheus text (sessions live, sockets, commands, append latency). Admin key when configured. */
export function registerPrometheus(app: FastifyInstance, deps: ApiDeps): void {
  app.get('/metrics', { preHandler: requireAdmin(deps) }, async (_request, reply) =>
    reply.header('content-type', 'text/plain; version=0.0.4; charset=utf-8').send(deps.metrics.registry.render()),
  );
}
