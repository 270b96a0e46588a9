import { asSessionId, joinRequestSchema, type JoinResponse } from '@chaos-quest/engine';
import type { FastifyInstance } from 'fastify';
import { normalizeJoinCode } from '../auth/tokens.ts';
import type { ApiDeps } from './api-deps.ts';
import { sendError } from './api-error.ts';

/**
 * `POST /api/join` `{ joinCode, name }` → 201 `{ sessionId, playerId, playerToken }`. Join codes
 * are short, so each address gets only a few attempts a minute; a code stops working when its
 * session ends. The player is seated under the cleaned name (see displayName); a name it refuses
 * gets 400 `invalid` with a message that says what to type instead.
 */
export function registerJoin(app: FastifyInstance, deps: ApiDeps): void {
  app.post('/api/join', async (request, reply) => {
    if (!deps.joinLimiter.take(request.ip)) {
      return sendError(reply, 429, 'rate-limited', 'Too many join attempts from this address. Wait a minute, then check the code with your facilitator.');
    }
    const parsed = joinRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      // A refused name is the player's to fix, so its own message says what to type; any other problem is the client's.
      if (issue?.code === 'custom' && issue.path[0] === 'name') return sendError(reply, 400, 'invalid', `${issue.message}.`);
      return sendError(reply, 400, 'invalid', `Send { joinCode, name }: ${issue?.message ?? 'bad request'}.`);
    }
    const joinCode = normalizeJoinCode(parsed.data.joinCode);
    const row = await deps.store.findLiveSessionByJoinCode(joinCode);
    if (!row) {
      return sendError(reply, 404, 'not-found', `No running session has the join code ${joinCode}. Check it with your facilitator: codes expire when a session ends.`);
    }
    const joined = await deps.hub.join(row.id, parsed.data.name);
    if (!joined.ok) {
      const status = joined.error.code === 'internal' ? 500 : 409;
      return sendError(reply, status, joined.error.code, `Cannot join this session now: ${joined.error.message}`);
    }
    const body: JoinResponse = { sessionId: asSessionId(row.id), playerId: joined.playerId, playerToken: joined.playerToken };
    return reply.code(201).send(body);
  });
}
