import { randomBytes } from 'node:crypto';
import { createSessionRequestSchema, parametersError, type CreateSessionResponse } from '@chaos-quest/engine';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from './api-deps.ts';
import { sendError } from './api-error.ts';
import { creationGuard, requireAdmin } from './guards.ts';
import { MAX_LIVE_SESSIONS } from './limits.ts';

/**
 * `POST /api/sessions` `{ scenarioId, seed?, team?, monitoring?, parameters?, plan?, objectives? }` → 201 `{ sessionId, joinCode, facilitatorToken }`;
 * who may create, and how often, is `creationGuard`'s.
 */
export function registerSessions(app: FastifyInstance, deps: ApiDeps): void {
  const guards = [requireAdmin(deps), creationGuard({ ...deps, maxLive: MAX_LIVE_SESSIONS })];
  app.post('/api/sessions', { preHandler: guards }, async (request, reply) => {
    const parsed = createSessionRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      return sendError(
        reply,
        400,
        'invalid',
        `Send { scenarioId, seed?, team? }: ${parsed.error.issues[0]?.message ?? 'bad request'}.`,
      );
    }
    const { scenarioId, seed, team, monitoring, parameters, plan, objectives } = parsed.data;
    if (objectives && !plan)
      return sendError(
        reply,
        400,
        'invalid',
        'Objectives come with the plan under test: send plan { name, version } too.',
      );
    const entry = deps.library.get(scenarioId);
    if (!entry) {
      const known = deps.library
        .list()
        .filter((s) => s.valid)
        .map((s) => s.id);
      return sendError(
        reply,
        404,
        'not-found',
        `There is no valid scenario '${scenarioId}'. Valid scenarios: ${known.join(', ') || 'none'}.`,
      );
    }
    const refused = parameters ? parametersError(entry.scenario, parameters) : null;
    if (refused) return sendError(reply, 400, 'invalid', refused);
    // The seed decides every die; it comes from the CSPRNG unless the facilitator wants a rerun.
    const created = await deps.hub.create(entry, { seed: seed ?? randomBytes(16).toString('hex'), team: team ?? null });
    const chosen = Object.keys(parameters ?? {}).length > 0;
    if (monitoring === 'thresholds+baseline' || chosen) {
      // A logged command like any other, so a replay knows which alerts the table got and which variant it played.
      const ack = await deps.hub.submit(
        created.sessionId,
        { kind: 'facilitator' },
        {
          id: 'create-configure',
          type: 'session.configure',
          ...(monitoring === 'thresholds+baseline' ? { monitoring } : {}),
          ...(chosen ? { parameters } : {}),
        },
      );
      if (!ack.ok)
        return sendError(
          reply,
          500,
          'internal',
          `The session was created, but its monitoring or parameters could not be set: ${ack.error.message}`,
        );
    }
    if (plan) {
      // Logged like monitoring, so a replay knows the plan under test and the objectives added.
      const command = {
        id: 'create-exercise',
        type: 'exercise.setup',
        plan,
        ...(objectives ? { objectives } : {}),
      } as const;
      const ack = await deps.hub.submit(created.sessionId, { kind: 'facilitator' }, command);
      if (!ack.ok)
        return sendError(
          reply,
          400,
          ack.error.code,
          `The session was created, but not its exercise: ${ack.error.message}`,
        );
    }
    const body: CreateSessionResponse = created;
    return reply.code(201).send(body);
  });
}
