import {
  asEvaluatorId,
  asSessionId,
  evaluatorJoinRequestSchema,
  frozenError,
  type EvaluatorCodeResponse,
  type EvaluatorJoinResponse,
} from '@chaos-quest/engine';
import type { FastifyInstance } from 'fastify';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import type { ApiDeps } from './api-deps.ts';
import { sendError } from './api-error.ts';
import { exerciseReader } from './exercise-guards.ts';

type Params = { Params: { id: string } };

/**
 * How an evaluator takes a seat. `POST /api/sessions/:id/evaluator-code` (facilitator token) →
 * 201 `{ evaluatorCode }`: a secret the facilitator hands to evaluators as a link. `POST
 * /api/evaluate` `{ code, name }` → 201 `{ sessionId, evaluatorId, evaluatorToken }`; the token
 * opens the facilitator's view over the socket and lets its holder send only evaluators' commands.
 * The code is as long as a token, so guessing is hopeless; wrong codes still count against the
 * address like wrong join codes. A signed-off session takes no new evaluators (409 `frozen`).
 */
export function registerEvaluators(app: FastifyInstance, deps: ApiDeps): void {
  app.post<Params>('/api/sessions/:id/evaluator-code', async (request, reply) => {
    const found = await exerciseReader(deps, request, reply, request.params.id, true);
    if (!found) return reply;
    const frozen = frozenError(found.live.state);
    if (frozen) return sendError(reply, 409, frozen.code, frozen.message);
    const evaluatorCode = newToken();
    await deps.store.addEvaluatorToken(found.live.id, null, hashToken(evaluatorCode));
    const body: EvaluatorCodeResponse = { evaluatorCode };
    return reply.code(201).header('cache-control', 'no-store').send(body);
  });

  app.post('/api/evaluate', async (request, reply) => {
    const parsed = evaluatorJoinRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      if (issue?.code === 'custom' && issue.path[0] === 'name')
        return sendError(reply, 400, 'invalid', `${issue.message}.`);
      return sendError(reply, 400, 'invalid', `Send { code, name }: ${issue?.message ?? 'bad request'}.`);
    }
    const waitS = Math.ceil(deps.joinLimiter.waitMs(request.ip) / 1000);
    if (waitS > 0) {
      const message = `Too many wrong codes from this address. Wait ${waitS} s, then check the link with your facilitator.`;
      return sendError(reply.header('retry-after', String(waitS)), 429, 'rate-limited', message);
    }
    const invite = await deps.store.findEvaluatorSeat(hashToken(parsed.data.code));
    if (!invite || invite.evaluatorId !== null) {
      deps.joinLimiter.fail(request.ip);
      return sendError(
        reply,
        404,
        'not-found',
        'That evaluator code is not valid. Ask the facilitator for the evaluator link.',
      );
    }
    const evaluatorId = asEvaluatorId(newId());
    const ack = await deps.hub.submit(
      invite.sessionId,
      { kind: 'system' },
      { id: `evaluator-${evaluatorId}`, type: 'evaluator.join', evaluatorId, name: parsed.data.name },
    );
    if (!ack.ok) {
      const status = ack.error.code === 'internal' ? 500 : 409;
      return sendError(reply, status, ack.error.code, `Cannot sit as an evaluator now: ${ack.error.message}`);
    }
    const evaluatorToken = newToken();
    await deps.store.addEvaluatorToken(invite.sessionId, evaluatorId, hashToken(evaluatorToken));
    const body: EvaluatorJoinResponse = { sessionId: asSessionId(invite.sessionId), evaluatorId, evaluatorToken };
    return reply.code(201).send(body);
  });
}
