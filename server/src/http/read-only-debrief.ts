import {
  historyRequestSchema,
  telemetryRequestSchema,
  type ReadOnlyLink,
  type TelemetryPoints,
  type TimelineEntry,
  type ViewMessage,
} from '@chaos-quest/engine';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hashToken } from '../auth/tokens.ts';
import type { ApiDeps } from './api-deps.ts';
import { sendError } from './api-error.ts';

/** Whoever holds a read-only link sees the debrief as the room's big screen does. */
const READER = { kind: 'observer' } as const;

const integer = (value: unknown): number | null =>
  typeof value === 'string' && /^-?\d{1,7}$/.test(value) ? Number(value) : null;

/**
 * A closed session's debrief through a read-only link, its token in `Authorization: Bearer` (the
 * link keeps it after `#`, which browsers never send): `GET /api/debrief` (the view as observers get
 * it, so no role's secrets, facilitator notes, coaching, seed or post-mortem draft),
 * `GET /api/debrief/timeline?end&limit` (earlier timeline entries) and `GET /api/debrief/telemetry?from`.
 * Nothing here accepts a command; an unknown or revoked token gets 404 and learns nothing else.
 */
export function registerReadOnlyDebrief(app: FastifyInstance, deps: ApiDeps): void {
  const linkOf = async (request: FastifyRequest, reply: FastifyReply): Promise<ReadOnlyLink | null> => {
    reply.header('cache-control', 'no-store');
    const match = /^Bearer +(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match?.[1]) {
      sendError(reply, 401, 'unauthorized', 'Send the read-only link\'s token as "Authorization: Bearer <token>".');
      return null;
    }
    const link = await deps.store.findReadOnlyLink(hashToken(match[1]));
    if (!link) {
      sendError(reply, 404, 'not-found', 'This read-only link opens nothing: it was revoked, or never made.');
      return null;
    }
    return link;
  };
  const gone = (reply: FastifyReply) => sendError(reply, 404, 'not-found', 'This session no longer exists.');

  app.get('/api/debrief', async (request, reply) => {
    const link = await linkOf(request, reply);
    if (!link) return reply;
    const found = await deps.hub.resync(link.sessionId, READER);
    if (!found) return gone(reply);
    const body: ViewMessage = found.view;
    return body;
  });

  app.get<{ Querystring: Record<string, unknown> }>('/api/debrief/timeline', async (request, reply) => {
    const link = await linkOf(request, reply);
    if (!link) return reply;
    const parsed = historyRequestSchema.safeParse({
      end: integer(request.query.end),
      limit: integer(request.query.limit),
    });
    if (!parsed.success) return sendError(reply, 400, 'invalid', 'Send ?end=N&limit=M with limit from 1 to 100.');
    const entries = await deps.hub.history(link.sessionId, READER, parsed.data.end, parsed.data.limit);
    if (!entries) return gone(reply);
    const body: TimelineEntry[] = entries;
    return body;
  });

  app.get<{ Querystring: Record<string, unknown> }>('/api/debrief/telemetry', async (request, reply) => {
    const link = await linkOf(request, reply);
    if (!link) return reply;
    const parsed = telemetryRequestSchema.safeParse({ from: integer(request.query.from) });
    if (!parsed.success) return sendError(reply, 400, 'invalid', 'Send ?from=N, a game minute.');
    const telemetry = await deps.hub.telemetry(link.sessionId, parsed.data.from);
    if (telemetry === undefined) return gone(reply);
    const body: { telemetry: TelemetryPoints | null } = { telemetry };
    return body;
  });
}
