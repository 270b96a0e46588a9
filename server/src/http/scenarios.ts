import type { ScenarioSummary } from '@chaos-quest/engine';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from './api-deps.ts';

/** `GET /api/scenarios` → every scenario file's summary with its diagnostics, valid or not. */
export function registerScenarios(app: FastifyInstance, deps: ApiDeps): void {
  app.get('/api/scenarios', async (): Promise<ScenarioSummary[]> => deps.library.list());
}
