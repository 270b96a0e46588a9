import { IMPORT_FORMATS, readIncidentCsv, type ImportSummary } from '@chaos-quest/engine';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ApiDeps } from './api-deps.ts';
import { sendError } from './api-error.ts';
import { requireAdmin } from './guards.ts';

/** An incident export larger than this is refused (413): split it. About 10 000 rows of a PagerDuty export. */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;
/** Rejected rows listed in one answer; the count says how many there were in all. */
const REJECTED_SHOWN = 200;

const querySchema = z.object({ format: z.enum(IMPORT_FORMATS).optional() });

/**
 * `POST /api/real-incidents` with a CSV body (`text/csv` or `text/plain`), optionally `?format=generic|
 * pagerduty|opsgenie`: stores the good rows as real incidents (the same file twice adds nothing) and
 * answers an ImportSummary; 400 when the file as a whole cannot be read. Admin key when configured.
 */
export function registerIncidentImport(app: FastifyInstance, deps: ApiDeps): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/real-incidents',
      { preHandler: requireAdmin(deps), bodyLimit: MAX_IMPORT_BYTES },
      async (request, reply) => {
        const query = querySchema.safeParse(request.query);
        if (!query.success)
          return sendError(
            reply,
            400,
            'invalid',
            `Unknown format: use one of ${IMPORT_FORMATS.join(', ')}, or leave it out to detect it.`,
          );
        if (typeof request.body !== 'string' || request.body.trim() === '') {
          return sendError(reply, 400, 'invalid', 'Send the CSV file as the request body, with content-type text/csv.');
        }
        const read = readIncidentCsv(request.body, query.data.format);
        if (!read.ok) return sendError(reply, 400, 'invalid', read.message);
        const added = await deps.store.addRealIncidents(read.incidents);
        const summary: ImportSummary = {
          format: read.format,
          label: read.label,
          added,
          alreadyImported: read.incidents.length - added,
          rejectedCount: read.rejected.length,
          rejected: read.rejected.slice(0, REJECTED_SHOWN),
        };
        return summary;
      },
    );
  });
}
