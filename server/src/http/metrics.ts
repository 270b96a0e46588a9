import {
  compareMetrics,
  FIGURE_DEFINITIONS,
  matches,
  matchesReal,
  publishedRecord,
  type Comparison,
  type IncidentRecord,
  type MetricsFilter,
  type PublishedRecord,
  type RealIncident,
  type RunAnnotation,
} from '@chaos-quest/engine';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { metricsCsv } from '../exports/metrics-csv.ts';
import type { ApiDeps } from './api-deps.ts';
import { sendError } from './api-error.ts';
import { requireAdmin } from './guards.ts';
import { filterOf, metricsQuerySchema } from './metrics-filter.ts';
import { registerIncidentImport } from './real-incidents.ts';

/** The body of `GET /api/metrics`: practice and real side by side, with every figure's written definition. */
export type MetricsBody = Comparison & { definitions: typeof FIGURE_DEFINITIONS };

/**
 * Metrics over stored practice records and imported real incidents, filtered by team, scenario, service
 * and date: `GET /api/metrics` (every figure with n of N, median, p90, mean and its definition; MTBF
 * from real incidents only; runs left out listed with their reasons), `GET /api/metrics.csv` (one row
 * per practice incident, left-out ones marked, then the definitions), `GET /api/incidents`
 * (practice records), `GET /api/real-incidents` and `POST /api/real-incidents` (a CSV import). Admin key when configured.
 */
export function registerMetrics(app: FastifyInstance, deps: ApiDeps): void {
  const admin = { preHandler: requireAdmin(deps) };
  const chosen = async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<{
    records: IncidentRecord[];
    real: RealIncident[];
    annotations: RunAnnotation[];
    filter: MetricsFilter;
  } | null> => {
    const parsed = metricsQuerySchema.safeParse(request.query);
    if (!parsed.success) {
      sendError(
        reply,
        400,
        'invalid',
        `Bad metrics filter: ${parsed.error.issues[0]?.message ?? 'unknown'}. Filters: team, scenario, service, from, to.`,
      );
      return null;
    }
    const [records, real, annotations] = await Promise.all([
      deps.store.listIncidentRecords(),
      deps.store.listRealIncidents(),
      deps.store.listRunAnnotations(),
    ]);
    return { records, real, annotations, filter: filterOf(parsed.data) };
  };

  app.get('/api/metrics', admin, async (request, reply) => {
    const found = await chosen(request, reply);
    if (!found) return reply;
    const body: MetricsBody = {
      ...compareMetrics(found.records, found.real, found.filter, Date.now(), found.annotations),
      definitions: FIGURE_DEFINITIONS,
    };
    return body;
  });

  app.get('/api/metrics.csv', admin, async (request, reply) => {
    const found = await chosen(request, reply);
    if (!found) return reply;
    const rows = found.records.filter((r) => matches(r, found.filter));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="chaos-quest-metrics.csv"')
      .send(metricsCsv(rows, found.annotations));
  });

  app.get('/api/incidents', admin, async (request, reply) => {
    const found = await chosen(request, reply);
    if (!found) return reply;
    const body: PublishedRecord[] = found.records.filter((r) => matches(r, found.filter)).map(publishedRecord);
    return body;
  });

  app.get('/api/real-incidents', admin, async (request, reply) => {
    const found = await chosen(request, reply);
    if (!found) return reply;
    return found.real.filter((r) => matchesReal(r, found.filter));
  });

  registerIncidentImport(app, deps);
}
