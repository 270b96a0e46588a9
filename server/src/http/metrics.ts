import { matches, metrics, publishedRecord, type IncidentRecord, type Metrics, type PublishedRecord } from '@chaos-quest/engine';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { metricsCsv } from '../exports/metrics-csv.ts';
import type { ApiDeps } from './api-deps.ts';
import { sendError } from './api-error.ts';
import { requireAdmin } from './guards.ts';
import { filterOf, metricsQuerySchema } from './metrics-filter.ts';

/**
 * Metrics over the stored practice-incident records, filtered by team, scenario, service and date:
 * `GET /api/metrics` (MTTD/MTTA/MTTM/MTTR with count, median, p90), `GET /api/metrics.csv` (one row
 * per incident) and `GET /api/incidents` (the records without their seeds, for the dashboard). Admin key
 * when configured.
 */
export function registerMetrics(app: FastifyInstance, deps: ApiDeps): void {
  const admin = { preHandler: requireAdmin(deps.config) };
  const chosen = async (request: FastifyRequest, reply: FastifyReply): Promise<{ records: IncidentRecord[]; filter: ReturnType<typeof filterOf> } | null> => {
    const parsed = metricsQuerySchema.safeParse(request.query);
    if (!parsed.success) {
      sendError(reply, 400, 'invalid', `Bad metrics filter: ${parsed.error.issues[0]?.message ?? 'unknown'}. Filters: team, scenario, service, from, to.`);
      return null;
    }
    const filter = filterOf(parsed.data);
    const records = await deps.store.listIncidentRecords();
    return { records, filter };
  };

  app.get('/api/metrics', admin, async (request, reply) => {
    const found = await chosen(request, reply);
    if (!found) return reply;
    const body: Metrics = metrics(found.records, found.filter);
    return body;
  });

  app.get('/api/metrics.csv', admin, async (request, reply) => {
    const found = await chosen(request, reply);
    if (!found) return reply;
    const rows = found.records.filter((r) => matches(r, found.filter));
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="chaos-quest-metrics.csv"').send(metricsCsv(rows));
  });

  app.get('/api/incidents', admin, async (request, reply) => {
    const found = await chosen(request, reply);
    if (!found) return reply;
    const body: PublishedRecord[] = found.records.filter((r) => matches(r, found.filter)).map(publishedRecord);
    return body;
  });
}
