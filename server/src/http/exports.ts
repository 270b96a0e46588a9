import { incidentRecord, postmortemDraft, publishedRecord } from '@chaos-quest/engine';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { logJsonl } from '../exports/log-jsonl.ts';
import type { LiveSession } from '../hub/live-session.ts';
import type { ApiDeps } from './api-deps.ts';
import { sendError } from './api-error.ts';
import { checkFacilitator } from './guards.ts';

type Params = { Params: { id: string } };

/**
 * A session's exports, for its facilitator and co-facilitators only (token in `Authorization: Bearer`): the event log
 * as JSON Lines (an anonymous hot wash's answers left out), the practice-incident record as JSON (without the seed: DESIGN lets it leave the server
 * only with the log) and the post-mortem draft as Markdown.
 */
export function registerExports(app: FastifyInstance, deps: ApiDeps): void {
  const session = async (request: FastifyRequest<Params>, reply: FastifyReply): Promise<LiveSession | null> => {
    const { id } = request.params;
    if (!(await checkFacilitator(deps.store, request, reply, id, true))) return null;
    const live = await deps.hub.get(id);
    if (!live) sendError(reply, 404, 'not-found', `There is no session '${id}'.`);
    return live;
  };
  const attachment = (reply: FastifyReply, name: string, type: string) =>
    reply
      .header('content-type', type)
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store');

  app.get<Params>('/api/sessions/:id/log.jsonl', async (request, reply) => {
    const live = await session(request, reply);
    if (!live) return reply;
    const entries = await deps.store.readLog(live.id);
    return attachment(reply, `${live.id}.log.jsonl`, 'application/x-ndjson; charset=utf-8').send(
      logJsonl(entries, live.state),
    );
  });

  app.get<Params>('/api/sessions/:id/incident.json', async (request, reply) => {
    const live = await session(request, reply);
    if (!live) return reply;
    const record = publishedRecord(incidentRecord(live.scenario, live.state, live.id));
    return attachment(reply, `${live.id}.incident.json`, 'application/json; charset=utf-8').send(
      JSON.stringify(record, null, 2),
    );
  });

  app.get<Params>('/api/sessions/:id/postmortem.md', async (request, reply) => {
    const live = await session(request, reply);
    if (!live) return reply;
    return attachment(reply, `${live.id}.postmortem.md`, 'text/markdown; charset=utf-8').send(
      postmortemDraft(live.scenario, live.state),
    );
  });
}
