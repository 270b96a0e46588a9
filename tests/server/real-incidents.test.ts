import { readFileSync } from 'node:fs';
import type { RealIncident } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import type { MetricsBody } from '../../server/src/http/metrics.ts';
import type { ImportSummary } from '@chaos-quest/engine';
import { withServer } from './harness.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/incidents/${name}`, import.meta.url), 'utf8');
const upload = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/real-incidents`, { method: 'POST', headers: { 'content-type': 'text/csv', ...headers }, body });

describe('real incidents over HTTP', () => {
  it('imports a CSV, reports bad rows, adds nothing the second time, and shows real beside practice', async () => {
    await withServer(async (server) => {
      const first = (await (await upload(server.url, fixture('generic.csv'))).json()) as ImportSummary;
      expect(first).toMatchObject({ format: 'generic', added: 4, alreadyImported: 0, rejectedCount: 5 });
      expect(first.rejected.map((r) => r.row)).toEqual([5, 6, 7, 8, 9]);
      const again = (await (await upload(server.url, fixture('generic.csv'))).json()) as ImportSummary;
      expect(again).toMatchObject({ added: 0, alreadyImported: 4 });

      const real = (await fetch(`${server.url}/api/real-incidents?service=checkout`).then((r) =>
        r.json(),
      )) as RealIncident[];
      expect(real.map((r) => r.title)).toEqual(['Checkout 5xx after resolver TTL change', 'Card declines spike']);
      const metrics = (await fetch(`${server.url}/api/metrics`).then((r) => r.json())) as MetricsBody;
      expect(metrics.real.incidents).toBe(4);
      expect(metrics.practice.runs).toBe(0);
      expect(metrics.real.figures.mttd).toMatchObject({ count: 4, of: 4, unit: 'wall-ms' });
      expect(metrics.real.awareness).toMatchObject({ monitoring: 2, customer: 1, team: 1, total: 4 });
      expect(metrics.mtbf.services['checkout']?.incidents).toBe(2);
      expect(metrics.definitions.mttd.practice).toContain('fault onset');
    });
  });

  it('refuses an unreadable file with what to do, a body over the cap, and an upload without the admin key', async () => {
    await withServer(async (server) => {
      const unknown = await upload(server.url, 'when,what\n1,2\n');
      expect(unknown.status).toBe(400);
      expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain('generic columns');
      const huge = await upload(server.url, `service,title,started\n${'x,y,2025-01-01\n'.repeat(400_000)}`);
      expect(huge.status).toBe(413);
    });
    await withServer(
      async (server) => {
        expect((await upload(server.url, fixture('pagerduty.csv'))).status).toBe(401);
        const ok = await upload(server.url, fixture('pagerduty.csv'), { 'x-admin-key': 'k' });
        expect((await ok.json()) as ImportSummary).toMatchObject({ format: 'pagerduty', added: 2, rejectedCount: 2 });
        expect((await fetch(`${server.url}/api/real-incidents`)).status).toBe(401);
      },
      { adminKey: 'k' },
    );
  });
});
