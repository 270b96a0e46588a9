import type { CreateSessionResponse, FacilitatorView, TelemetryAck } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import { createSession, joinSession, TestClient, withServer } from './harness.ts';

const SHIPPED = new URL('../../scenarios/', import.meta.url).pathname;

/** Issue 11 over real sockets: monitoring chosen at creation, alerts paging by themselves, dashboards never ahead of the clock. */
describe('telemetry over the wire', () => {
  it('pages the dynamic baseline when asked for at creation, and never sends a point after the current game minute', async () => {
    await withServer(
      async (server) => {
        const plain = await createSession(server, { scenarioId: 'db-failover-lag', seed: 'telemetry' });
        const response = await fetch(`${server.url}/api/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ scenarioId: 'db-failover-lag', seed: 'telemetry', monitoring: 'thresholds+baseline' }),
        });
        const predictive = (await response.json()) as CreateSessionResponse;
        expect(response.status).toBe(201);
        const seats = [];
        for (const session of [plain, predictive]) {
          const facilitator = await TestClient.connect(server.url, { token: session.facilitatorToken });
          const seat = await joinSession(server, session.joinCode, 'Ana');
          const sre = await TestClient.connect(server.url, { token: seat.playerToken });
          expect(await sre.send({ type: 'role.take', role: 'sre' })).toMatchObject({ ok: true });
          expect(await facilitator.send({ type: 'session.start' })).toMatchObject({ ok: true });
          expect(await facilitator.send({ type: 'clock.advance', minutes: 10 })).toMatchObject({ ok: true });
          seats.push({ facilitator, sre });
        }
        const [a, b] = seats;
        if (!a || !b) throw new Error('no seats');
        const mode = async (c: TestClient) => ((await c.resync()).view as FacilitatorView).monitoring.mode;
        expect([await mode(a.facilitator), await mode(b.facilitator)]).toEqual(['thresholds', 'thresholds+baseline']);
        const pages = (c: TestClient) =>
          c.playerView.injects.filter((i) => i.key.startsWith('alert:')).map((i) => i.key);
        await a.sre.resync();
        await b.sre.resync();
        expect(pages(a.sre).some((k) => k.startsWith('alert:baseline:'))).toBe(false);
        expect(pages(a.sre)).toContain('alert:rule:orders-5xx');
        expect(pages(b.sre).some((k) => k.startsWith('alert:baseline:'))).toBe(true);
        for (const from of [-1000, 0, 10, 11, 500]) {
          const ack = (await b.sre.socket.timeout(5000).emitWithAck('telemetry', { from })) as TelemetryAck;
          if (!ack.ok || !ack.telemetry) throw new Error('no telemetry');
          expect(ack.telemetry.upTo).toBe(10);
          for (const metric of ack.telemetry.metrics)
            expect(metric.points.every(([minute]) => minute <= 10 && minute >= from)).toBe(true);
          expect(ack.telemetry.story).toBeNull();
        }
        for (const { facilitator, sre } of seats) {
          facilitator.close();
          sre.close();
        }
      },
      { scenariosDir: SHIPPED },
    );
  });
});
