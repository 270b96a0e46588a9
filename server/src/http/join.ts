import { asSessionId, joinRequestSchema, type JoinResponse } from '@chaos-quest/engine';
import type { FastifyInstance } from 'fastify';
import type { FailureThrottle } from '../auth/failure-throttle.ts';
import { normalizeJoinCode } from '../auth/tokens.ts';
import type { SessionRow, Store } from '../store/store.ts';
import type { ApiDeps } from './api-deps.ts';
import { sendError } from './api-error.ts';

/**
 * `POST /api/join` `{ joinCode, name }` → 201 `{ sessionId, playerId, playerToken }`. Join codes
 * are short, so each address gets only a few wrong codes a minute (JOIN_FAILURES), while right ones
 * cost nothing: a whole office behind one router joins at once, and the session's seat budget caps
 * the table. An address out of tries gets 429 before its code is even looked up, so a right guess
 * answers the same as a wrong one. A code stops working when its session ends. The player is seated
 * under the cleaned name (see displayName); a name it refuses gets 400 `invalid` with a message that
 * says what to type instead.
 */
export function registerJoin(app: FastifyInstance, deps: ApiDeps): void {
  const lookUp = codeLookup(deps.store, deps.joinLimiter);
  app.post('/api/join', async (request, reply) => {
    const parsed = joinRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      // A refused name is the player's to fix, so its own message says what to type; any other problem is the client's.
      if (issue?.code === 'custom' && issue.path[0] === 'name')
        return sendError(reply, 400, 'invalid', `${issue.message}.`);
      return sendError(reply, 400, 'invalid', `Send { joinCode, name }: ${issue?.message ?? 'bad request'}.`);
    }
    const joinCode = normalizeJoinCode(parsed.data.joinCode);
    const found = await lookUp(request.ip, joinCode);
    if (found.kind === 'limited') {
      const message = `Too many wrong join codes from this address. Wait ${found.waitS} s, then check the code with your facilitator.`;
      return sendError(reply.header('retry-after', String(found.waitS)), 429, 'rate-limited', message);
    }
    if (found.kind === 'unknown') {
      return sendError(
        reply,
        404,
        'not-found',
        `No running session has the join code ${joinCode}. Check it with your facilitator: codes expire when a session ends.`,
      );
    }
    const joined = await deps.hub.join(found.row.id, parsed.data.name);
    if (!joined.ok) {
      const status = joined.error.code === 'internal' ? 500 : 409;
      return sendError(reply, status, joined.error.code, `Cannot join this session now: ${joined.error.message}`);
    }
    const body: JoinResponse = {
      sessionId: asSessionId(found.row.id),
      playerId: joined.playerId,
      playerToken: joined.playerToken,
    };
    return reply.code(201).send(body);
  });
}

type Lookup = { kind: 'limited'; waitS: number } | { kind: 'unknown' } | { kind: 'found'; row: SessionRow };

/**
 * Looks a code up for an address, counting a wrong one against it. Lookups from one address run one
 * after another: were they concurrent, a burst of guesses would all pass the check before any failure
 * was counted. Right codes hold the queue only for the lookup itself, so an office still joins at once.
 */
function codeLookup(store: Store, failures: FailureThrottle): (address: string, joinCode: string) => Promise<Lookup> {
  const queues = new Map<string, Promise<unknown>>();
  const check = async (address: string, joinCode: string): Promise<Lookup> => {
    const waitS = Math.ceil(failures.waitMs(address) / 1000);
    if (waitS > 0) return { kind: 'limited', waitS };
    const row = await store.findLiveSessionByJoinCode(joinCode);
    if (row) return { kind: 'found', row };
    failures.fail(address);
    return { kind: 'unknown' };
  };
  return (address, joinCode) => {
    const run = (queues.get(address) ?? Promise.resolve()).then(() => check(address, joinCode));
    const tail = run.catch(() => undefined);
    queues.set(address, tail);
    void tail.then(() => {
      if (queues.get(address) === tail) queues.delete(address);
    });
    return run;
  };
}
