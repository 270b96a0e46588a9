import type { FastifyInstance } from 'fastify';
import { evidencePack } from '../exports/evidence-pack.ts';
import type { ApiDeps } from './api-deps.ts';
import { exerciseReader } from './exercise-guards.ts';

type Params = { Params: { id: string } };

/**
 * `GET /api/sessions/:id/evidence.zip` (facilitator token): the exercise's evidence pack for an
 * auditor. Before sign-off it is a draft (its manifest says `signedOff: null`); after, the record is
 * frozen and every download is the same bytes.
 */
export function registerEvidence(app: FastifyInstance, deps: ApiDeps): void {
  app.get<Params>('/api/sessions/:id/evidence.zip', async (request, reply) => {
    const found = await exerciseReader(deps, request, reply, request.params.id, true);
    if (!found) return reply;
    const { live } = found;
    const log = await deps.store.readLog(live.id);
    const { zip } = evidencePack(live.scenario, live.state, live.id as never, log);
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${live.id}.evidence.zip"`)
      .header('cache-control', 'no-store')
      .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  });
}
