import type { FastifyReply, FastifyRequest } from 'fastify';
import { originAllowed } from '../auth/origin.ts';
import { hashToken, sameSecret } from '../auth/tokens.ts';
import type { ServerConfig } from '../config.ts';
import type { Store } from '../store/store.ts';
import { sendError } from './api-error.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** onRequest hook: a state-changing request from a browser page of another origin is refused. */
export function originGuard(config: ServerConfig) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (!originAllowed(request.headers.origin, request.headers.host, config.allowedOrigins)) {
      return sendError(reply, 403, 'forbidden-origin', `Origin ${request.headers.origin} is not allowed. Add it to CQ_ALLOWED_ORIGINS to let it in.`);
    }
  };
}

/** preHandler hook: with CQ_ADMIN_KEY set, the request must carry it in `x-admin-key`. */
export function requireAdmin(config: ServerConfig) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (config.adminKey === null) return;
    const given = request.headers['x-admin-key'];
    if (typeof given !== 'string' || !sameSecret(given, config.adminKey)) {
      return sendError(reply, 401, 'unauthorized', 'This server requires its admin key: send it in the x-admin-key header.');
    }
  };
}

/**
 * Whether the request carries the facilitator token of `sessionId`, in `Authorization: Bearer`.
 * Tokens are accepted only in that header, never in the URL, where logs and histories keep them.
 * Sends 401/403 and returns false when it does not.
 */
export async function checkFacilitator(store: Store, request: FastifyRequest, reply: FastifyReply, sessionId: string): Promise<boolean> {
  const match = /^Bearer +(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match?.[1]) {
    sendError(reply, 401, 'unauthorized', 'Send the facilitator token as "Authorization: Bearer <token>".');
    return false;
  }
  const seat = await store.findSeat(hashToken(match[1]));
  if (seat?.kind !== 'facilitator' || seat.sessionId !== sessionId) {
    sendError(reply, 403, 'forbidden', `That token is not the facilitator token of session ${sessionId}.`);
    return false;
  }
  return true;
}
