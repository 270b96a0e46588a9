import {
  asSessionId,
  consoleCodeRequestSchema,
  recoverConsoleRequestSchema,
  takeConsoleRequestSchema,
  type ConsoleKind,
  type TakeConsoleResponse,
} from '@chaos-quest/engine';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isLoopback } from '../auth/client-address.ts';
import { hashToken, newToken, normalizeJoinCode } from '../auth/tokens.ts';
import { ConsoleCodes } from '../hub/console-codes.ts';
import type { SessionRow } from '../store/store.ts';
import type { ApiDeps } from './api-deps.ts';
import { sendError } from './api-error.ts';
import { checkFacilitator, requireAdmin } from './guards.ts';

type Params = { Params: { id: string } };

/**
 * Moving the console between devices (a dead laptop must not lose the game day):
 * - `POST /api/sessions/:id/console-code` `{ kind }`, facilitator token: a one-time code for a
 *   handover (`facilitator`) or a co-facilitator seat; only the facilitator, never a co-facilitator.
 * - `POST /api/sessions/:id/co-facilitators/dismiss`, facilitator token: every co-facilitator seat closes,
 *   and a co-facilitator code not yet used stops working.
 * - `POST /api/console` `{ code }`: the code's seat, on the device that sends it. A handover revokes
 *   the old facilitator token and closes its sockets. Wrong codes count against the address as
 *   wrong join codes do.
 * - `POST /api/console/recover` `{ joinCode }`: the facilitator's seat, moved to this device, with the
 *   admin key (CQ_ADMIN_KEY); without one set, only from the machine the server runs on.
 */
export function registerConsoleSeats(app: FastifyInstance, deps: ApiDeps): void {
  const codes = new ConsoleCodes(deps.store, Date.now);
  const facilitator = (request: FastifyRequest<Params>, reply: FastifyReply) =>
    checkFacilitator(deps.store, request, reply, request.params.id);

  app.post<Params>('/api/sessions/:id/console-code', async (request, reply) => {
    if (!(await facilitator(request, reply))) return reply;
    const parsed = consoleCodeRequestSchema.safeParse(request.body);
    if (!parsed.success)
      return sendError(
        reply,
        400,
        'invalid',
        'Send { kind: "facilitator" } (a handover) or { kind: "co-facilitator" }.',
      );
    return reply.code(201).send(await codes.issue(request.params.id, parsed.data.kind));
  });

  app.post<Params>('/api/sessions/:id/co-facilitators/dismiss', async (request, reply) => {
    if (!(await facilitator(request, reply))) return reply;
    await codes.revoke(request.params.id, 'co-facilitator');
    await deps.store.revokeConsoleTokens(request.params.id, 'co-facilitator');
    const live = await deps.hub.get(request.params.id);
    for (const connection of live?.consoleConnections('co-facilitator') ?? []) {
      connection.sendSeat({ kind: 'moved' });
      connection.close();
    }
    return reply.code(204).send();
  });

  app.post('/api/console', async (request, reply) => {
    const parsed = takeConsoleRequestSchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, 400, 'invalid', 'Send { code }: the code the console shows.');
    const waitS = Math.ceil(deps.joinLimiter.waitMs(request.ip) / 1000);
    if (waitS > 0) {
      const message = `Too many wrong codes from this address. Wait ${waitS} s, then ask for a new code.`;
      return sendError(reply.header('retry-after', String(waitS)), 429, 'rate-limited', message);
    }
    const found = await codes.redeem(parsed.data.code);
    if (!found) {
      deps.joinLimiter.fail(request.ip);
      return sendError(
        reply,
        404,
        'not-found',
        'This code is unknown, already used or expired (codes last 10 minutes). Show a new one on the console.',
      );
    }
    const row = await deps.store.getSession(found.sessionId);
    if (!row || row.endedAt !== null)
      return sendError(reply, 410, 'gone', 'That session has ended; there is no console to take.');
    return reply.code(201).send(await takeSeat(deps, row, found.kind));
  });

  app.post('/api/console/recover', { preHandler: requireAdmin(deps) }, async (request, reply) => {
    if (deps.config.adminKey === null && !isLoopback(request.ip)) {
      return sendError(
        reply,
        403,
        'admin-key-required',
        'Without CQ_ADMIN_KEY, only the machine the server runs on may recover a console. Set the key to recover from elsewhere.',
      );
    }
    const parsed = recoverConsoleRequestSchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, 400, 'invalid', 'Send { joinCode }: the session’s join code.');
    const joinCode = normalizeJoinCode(parsed.data.joinCode);
    const row = await deps.store.findLiveSessionByJoinCode(joinCode);
    if (!row) return sendError(reply, 404, 'not-found', `No running session has the join code ${joinCode}.`);
    app.log.info({ sessionId: row.id }, `Session ${row.id}: the console was recovered with the admin key`);
    return reply.code(201).send(await takeSeat(deps, row, 'facilitator'));
  });
}

/**
 * A new token for the session's `kind` seat. The facilitator's seat moves (the old token is revoked
 * and its sockets told and closed); a co-facilitator's is one more seat beside any others.
 */
async function takeSeat(deps: ApiDeps, row: SessionRow, kind: ConsoleKind): Promise<TakeConsoleResponse> {
  const token = newToken();
  const moves = kind === 'facilitator';
  await deps.store.addConsoleToken(row.id, kind, hashToken(token), moves);
  if (moves) {
    const live = await deps.hub.get(row.id);
    for (const connection of live?.consoleConnections('facilitator') ?? []) {
      connection.sendSeat({ kind: 'moved' });
      connection.close();
    }
  }
  return { sessionId: asSessionId(row.id), joinCode: row.joinCode, token, kind };
}
