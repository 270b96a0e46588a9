import { ANNOTATION_LIMITS, phaseOf, type ReadOnlyLinkCreated, type RunAnnotation } from '@chaos-quest/engine';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import type { ApiDeps } from './api-deps.ts';
import { sendError } from './api-error.ts';
import { requireAdmin } from './guards.ts';
import { checkRunOwner } from './run-owner.ts';

/** Read-only links one session may hold, revoked ones included: enough to share, too few to flood the store. */
export const MAX_LINKS_PER_SESSION = 50;

type Params = { Params: { id: string } };
type LinkParams = { Params: { id: string; linkId: string } };

const text = (max: number) => z.string().trim().max(max);
const annotationSchema = z
  .strictObject({
    note: text(ANNOTATION_LIMITS.note).nullable().optional(),
    excluded: z.boolean(),
    reason: text(ANNOTATION_LIMITS.reason).nullable().optional(),
  })
  .refine((b) => !b.excluded || (b.reason ?? '') !== '', {
    message: 'say why the run is left out of the figures (reason)',
  });

/**
 * What a facilitator keeps about a finished run, each for that session's facilitator or an admin:
 * `POST /api/sessions/:id/annotation` `{ note?, excluded, reason? }` (a note, and whether the figures
 * leave the run out, with the reason), `GET /api/run-annotations` (every run's, for the metrics page:
 * admin key when one is set), and read-only links to its debrief: `POST /api/sessions/:id/read-only-links`
 * (201 with the token, shown this once: only its hash is kept), `GET` of the same path (the links, no
 * tokens), `POST /api/sessions/:id/read-only-links/:linkId/revoke`.
 */
export function registerRuns(app: FastifyInstance, deps: ApiDeps): void {
  const sessionOf = async (id: string, reply: FastifyReply) => {
    const row = await deps.store.getSession(id);
    if (!row) sendError(reply, 404, 'not-found', `There is no session '${id}'.`);
    return row;
  };

  app.get('/api/run-annotations', { preHandler: requireAdmin(deps) }, async () => {
    const body: RunAnnotation[] = await deps.store.listRunAnnotations();
    return body;
  });

  app.post<Params>('/api/sessions/:id/annotation', async (request, reply) => {
    const { id } = request.params;
    if (!(await checkRunOwner(deps, request, reply, id))) return reply;
    const parsed = annotationSchema.safeParse(request.body);
    if (!parsed.success) {
      const limits = `note up to ${ANNOTATION_LIMITS.note} characters, reason up to ${ANNOTATION_LIMITS.reason}`;
      return sendError(
        reply,
        400,
        'invalid',
        `Send { note?, excluded, reason? }: ${parsed.error.issues[0]?.message ?? 'bad request'} (${limits}).`,
      );
    }
    if (!(await sessionOf(id, reply))) return reply;
    const { note, excluded, reason } = parsed.data;
    const annotation: RunAnnotation = {
      sessionId: id,
      note: note ? note : null,
      excluded,
      reason: excluded ? (reason ?? null) : null,
      at: Date.now(),
    };
    await deps.store.putRunAnnotation(annotation);
    return annotation;
  });

  app.get<Params>('/api/sessions/:id/read-only-links', async (request, reply) => {
    const { id } = request.params;
    if (!(await checkRunOwner(deps, request, reply, id))) return reply;
    if (!(await sessionOf(id, reply))) return reply;
    return reply.header('cache-control', 'no-store').send(await deps.store.listReadOnlyLinks(id));
  });

  app.post<Params>('/api/sessions/:id/read-only-links', async (request, reply) => {
    const { id } = request.params;
    if (!(await checkRunOwner(deps, request, reply, id))) return reply;
    const live = await deps.hub.get(id);
    if (!live) return sendError(reply, 404, 'not-found', `There is no session '${id}'.`);
    if (phaseOf(live.state) !== 'ended') {
      return sendError(
        reply,
        409,
        'not-finished',
        'Only a closed session can be shared read-only: close its debrief first, so nothing changes after you share it.',
      );
    }
    if ((await deps.store.listReadOnlyLinks(id)).length >= MAX_LINKS_PER_SESSION) {
      return sendError(
        reply,
        429,
        'budget',
        `This session already has ${MAX_LINKS_PER_SESSION} read-only links, its limit. Share one of those instead.`,
      );
    }
    const token = newToken();
    const link = { id: newId(), sessionId: id, createdAt: Date.now() };
    await deps.store.addReadOnlyLink(link, hashToken(token));
    const body: ReadOnlyLinkCreated = { id: link.id, createdAt: link.createdAt, token };
    return reply.code(201).header('cache-control', 'no-store').send(body);
  });

  app.post<LinkParams>('/api/sessions/:id/read-only-links/:linkId/revoke', async (request, reply) => {
    const { id, linkId } = request.params;
    if (!(await checkRunOwner(deps, request, reply, id))) return reply;
    if (!(await deps.store.revokeReadOnlyLink(id, linkId, Date.now())))
      return sendError(reply, 404, 'not-found', `Session '${id}' has no read-only link '${linkId}'.`);
    return reply.code(204).send();
  });
}
