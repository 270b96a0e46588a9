import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLoopback } from '../auth/client-address.ts';
import type { ApiDeps } from './api-deps.ts';
import { sendError } from './api-error.ts';
import { checkFacilitator, requireAdmin } from './guards.ts';

/**
 * Whether the request may change what is kept about one session's run (its annotation, its
 * read-only links): its facilitator (token in `Authorization: Bearer`), or an admin: the admin key
 * when one is set, else this machine, as for creating sessions. Sends 401/403/429 and returns false
 * when it may not.
 */
export async function checkRunOwner(
  deps: ApiDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  sessionId: string,
): Promise<boolean> {
  if (request.headers.authorization !== undefined) return checkFacilitator(deps.store, request, reply, sessionId);
  if (deps.config.adminKey !== null) {
    await requireAdmin(deps)(request, reply);
    return !reply.sent;
  }
  if (isLoopback(request.ip)) return true;
  sendError(
    reply,
    401,
    'unauthorized',
    `Only the facilitator of session ${sessionId} (its token as "Authorization: Bearer <token>") or an admin may do this.`,
  );
  return false;
}
