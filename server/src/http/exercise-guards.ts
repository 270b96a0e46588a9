import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashToken } from '../auth/tokens.ts';
import type { SessionHub } from '../hub/hub.ts';
import type { LiveSession } from '../hub/live-session.ts';
import type { Store } from '../store/store.ts';
import { sendError } from './api-error.ts';

/** Who reads an exercise's record over HTTP: its facilitator, or one of its evaluators. */
export type RecordReader = { kind: 'facilitator' } | { kind: 'evaluator'; evaluatorId: string };

/**
 * The session and who is asking, when the request's `Authorization: Bearer` token is the
 * facilitator's or an evaluator's of session `id` (`facilitatorOnly` refuses evaluators). Sends
 * 401/403/404 and resolves null otherwise. Tokens only ever travel in that header, never in a URL.
 */
export async function exerciseReader(
  deps: { store: Store; hub: SessionHub },
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  facilitatorOnly = false,
): Promise<{ live: LiveSession; reader: RecordReader } | null> {
  const match = /^Bearer +(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match?.[1]) {
    sendError(
      reply,
      401,
      'unauthorized',
      'Send the facilitator or evaluator token as "Authorization: Bearer <token>".',
    );
    return null;
  }
  const hash = hashToken(match[1]);
  const seat = await deps.store.findSeat(hash);
  let reader: RecordReader | null =
    seat?.kind === 'facilitator' && seat.sessionId === id ? { kind: 'facilitator' } : null;
  if (!reader && !seat && !facilitatorOnly) {
    const evaluator = await deps.store.findEvaluatorSeat(hash);
    if (evaluator?.evaluatorId && evaluator.sessionId === id)
      reader = { kind: 'evaluator', evaluatorId: evaluator.evaluatorId };
  }
  if (!reader) {
    const who = facilitatorOnly ? 'the facilitator token' : 'the facilitator or an evaluator token';
    sendError(reply, 403, 'forbidden', `That token is not ${who} of session ${id}.`);
    return null;
  }
  const live = await deps.hub.get(id);
  if (!live) {
    sendError(reply, 404, 'not-found', `There is no session '${id}'.`);
    return null;
  }
  return { live, reader };
}
