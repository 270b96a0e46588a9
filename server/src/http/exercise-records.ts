import {
  afterActionMarkdown,
  afterActionReport,
  changeStatusIn,
  objectiveTrend,
  statusChangeSchema,
  trackerCsv,
} from '@chaos-quest/engine';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ApiDeps } from './api-deps.ts';
import { sendError } from './api-error.ts';
import { exerciseReader } from './exercise-guards.ts';
import { requireAdmin } from './guards.ts';

type Params = { Params: { id: string } };

const attachment = (reply: FastifyReply, name: string, type: string) =>
  reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store');

const statusRequestSchema = z.intersection(
  z.strictObject({ key: z.string().min(1).max(200) }).loose(),
  statusChangeSchema,
);

/**
 * The exercise's record over HTTP, for its facilitator and evaluators (token in `Authorization:
 * Bearer`): the after-action report as data (`report.json`, what the print page renders) and as
 * Markdown (`report.md`); the team's corrective actions across game days (`corrective-actions`,
 * and as a tracker's import: `corrective-actions.csv` in Jira's CSV columns, `.json`); and, for the
 * facilitator, a status change of one of the team's actions. Per-objective ratings of a team
 * across game days are metrics: `GET /api/metrics/objectives?team=` (admin key when configured).
 */
export function registerExerciseRecords(app: FastifyInstance, deps: ApiDeps): void {
  app.get<Params>('/api/sessions/:id/report.json', async (request, reply) => {
    const found = await exerciseReader(deps, request, reply, request.params.id);
    if (!found) return reply;
    const { live } = found;
    return reply.header('cache-control', 'no-store').send(afterActionReport(live.scenario, live.state, live.id));
  });

  app.get<Params>('/api/sessions/:id/report.md', async (request, reply) => {
    const found = await exerciseReader(deps, request, reply, request.params.id);
    if (!found) return reply;
    const { live } = found;
    return attachment(reply, `${live.id}.after-action-report.md`, 'text/markdown; charset=utf-8').send(
      afterActionMarkdown(afterActionReport(live.scenario, live.state, live.id)),
    );
  });

  const teamActions = async (id: string, request: FastifyRequest, reply: FastifyReply) => {
    const found = await exerciseReader(deps, request, reply, id);
    if (!found) return null;
    const team = found.live.state.team ?? '';
    return { team, actions: await deps.store.listCorrectiveActions(team), live: found.live };
  };

  app.get<Params>('/api/sessions/:id/corrective-actions', async (request, reply) => {
    const found = await teamActions(request.params.id, request, reply);
    if (!found) return reply;
    return reply.header('cache-control', 'no-store').send({ team: found.team, actions: found.actions });
  });

  app.get<Params>('/api/sessions/:id/corrective-actions.csv', async (request, reply) => {
    const found = await teamActions(request.params.id, request, reply);
    if (!found) return reply;
    return attachment(reply, 'corrective-actions.csv', 'text/csv; charset=utf-8').send(trackerCsv(found.actions));
  });

  app.get<Params>('/api/sessions/:id/corrective-actions.json', async (request, reply) => {
    const found = await teamActions(request.params.id, request, reply);
    if (!found) return reply;
    return attachment(reply, 'corrective-actions.json', 'application/json; charset=utf-8').send(
      JSON.stringify(found.actions, null, 2),
    );
  });

  app.post<Params>('/api/sessions/:id/corrective-actions/status', async (request, reply) => {
    const found = await exerciseReader(deps, request, reply, request.params.id, true);
    if (!found) return reply;
    const parsed = statusRequestSchema.safeParse(request.body);
    if (!parsed.success)
      return sendError(
        reply,
        400,
        'invalid',
        `Send { key, status: open | done | wont-do, reason? }: ${parsed.error.issues[0]?.message ?? 'bad request'}.`,
      );
    const { key, ...change } = parsed.data;
    const actions = await deps.store.listCorrectiveActions(found.live.state.team ?? '');
    // Only this team's actions are in the list: another team's key reads as unknown.
    const changed = changeStatusIn(actions, key, change, Date.now());
    if (!changed.ok)
      return sendError(
        reply,
        changed.error.code === 'not-found' ? 404 : 409,
        changed.error.code,
        changed.error.message,
      );
    const action = changed.actions.find((a) => a.key === key);
    if (action) await deps.store.putCorrectiveActions([action]);
    return reply.send({ action });
  });

  app.get('/api/metrics/objectives', { preHandler: requireAdmin(deps) }, async (request, reply) => {
    const parsed = z.strictObject({ team: z.string().max(100).optional() }).safeParse(request.query);
    if (!parsed.success) return sendError(reply, 400, 'invalid', 'Send ?team=<team name>.');
    return reply.send(objectiveTrend(await deps.store.listIncidentRecords(), parsed.data.team ?? ''));
  });
}
