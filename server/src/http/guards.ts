import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AddressLimiter } from '../auth/address-limiter.ts';
import { isLoopback } from '../auth/client-address.ts';
import type { FailureThrottle } from '../auth/failure-throttle.ts';
import { hashToken, sameSecret } from '../auth/tokens.ts';
import type { ServerConfig } from '../config.ts';
import type { Store } from '../store/store.ts';
import { sendError } from './api-error.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * onRequest hook: a state-changing request from a browser page whose Origin `allows` refuses (not
 * the server's own origins, not in CQ_ALLOWED_ORIGINS) is refused. The Host header plays no part.
 */
export function originGuard(allows: (origin: string | undefined) => boolean) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (!allows(request.headers.origin)) {
      return sendError(
        reply,
        403,
        'forbidden-origin',
        `Origin ${request.headers.origin} is not allowed. If people open the server at that address, set CQ_PUBLIC_URL to it; ` +
          'to let another site in, add it to CQ_ALLOWED_ORIGINS.',
      );
    }
  };
}

/**
 * preHandler hook: with CQ_ADMIN_KEY set, the request must carry it in `x-admin-key`. Wrong keys are
 * counted per client address in `failures`; an address out of tries gets 429 before its key is
 * even compared, so guessing gains nothing from the answer.
 */
export function requireAdmin(deps: { config: ServerConfig; adminFailures: FailureThrottle }) {
  const { config, adminFailures } = deps;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (config.adminKey === null) return;
    const waitS = Math.ceil(adminFailures.waitMs(request.ip) / 1000);
    if (waitS > 0) {
      const message = `Too many wrong admin keys from this address. Wait ${waitS} s and try again.`;
      return sendError(reply.header('retry-after', String(waitS)), 429, 'too-many-attempts', message);
    }
    const given = request.headers['x-admin-key'];
    if (typeof given !== 'string' || !sameSecret(given, config.adminKey)) {
      // A request that sends no key at all is asking, not guessing: the client shows its key field on this 401.
      if (typeof given === 'string') adminFailures.fail(request.ip);
      return sendError(
        reply,
        401,
        'unauthorized',
        'This server requires its admin key: send it in the x-admin-key header.',
      );
    }
  };
}

/**
 * Whether the request carries the facilitator token of `sessionId` (or, with `orCo`, a
 * co-facilitator's), in `Authorization: Bearer`. Tokens are accepted only in that header, never in
 * the URL, where logs and histories keep them. Sends 401/403 and returns false when it does not.
 */
export async function checkFacilitator(
  store: Store,
  request: FastifyRequest,
  reply: FastifyReply,
  sessionId: string,
  orCo = false,
): Promise<boolean> {
  const match = /^Bearer +(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match?.[1]) {
    sendError(reply, 401, 'unauthorized', 'Send the facilitator token as "Authorization: Bearer <token>".');
    return false;
  }
  const seat = await store.findSeat(hashToken(match[1]));
  const allowed = seat?.kind === 'facilitator' || (orCo && seat?.kind === 'co-facilitator');
  if (!allowed || seat.sessionId !== sessionId) {
    sendError(reply, 403, 'forbidden', `That token is not the facilitator token of session ${sessionId}.`);
    return false;
  }
  return true;
}

/**
 * preHandler hook for creating a session, after `requireAdmin`. Without CQ_ADMIN_KEY only this
 * machine (a loopback client address, behind a trusted proxy the forwarded one) may create: 403
 * otherwise. Always: `createLimiter` per client address (429), and no more than `maxLive` sessions
 * live in the hub (503), checked first so that a refusal for the cap spends no attempt.
 */
export function creationGuard(deps: {
  config: ServerConfig;
  createLimiter: AddressLimiter;
  hub: { liveCount(): number };
  maxLive: number;
}) {
  const { config, createLimiter, hub, maxLive } = deps;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (config.adminKey === null && !isLoopback(request.ip)) {
      return sendError(
        reply,
        403,
        'admin-key-required',
        'Only the machine the server runs on may create sessions here. ' +
          'To let other machines create sessions, set CQ_ADMIN_KEY on the server and give them the key.',
      );
    }
    if (hub.liveCount() >= maxLive) {
      const message = `This server already holds ${maxLive} live sessions, its limit. Try again when idle ones have closed (10 minutes without activity).`;
      return sendError(reply, 503, 'too-many-sessions', message);
    }
    if (!createLimiter.take(request.ip)) {
      return sendError(
        reply,
        429,
        'too-many-attempts',
        'Too many sessions created from this address. Wait 30 s and try again.',
      );
    }
  };
}
