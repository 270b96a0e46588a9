import type { FacilitatorView, IncidentRecord } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import { createSession, joinSession, TestClient, withServer } from './harness.ts';

const SHIPPED = new URL('../../scenarios/', import.meta.url).pathname;

/**
 * Issue 11's declarations over real sockets: a player's declaration waits for the facilitator, who
 * alone confirms or rejects it; the incident commander's counts at once; the record keeps who
 * declared, from what, and who confirmed, and MTTD runs to the confirmed declaration's minute.
 */
describe('declarations over the wire', () => {
  it('keeps a declaration waiting for the facilitator, who alone answers it, and the record keeps it', async () => {
    await withServer(
      async (server) => {
        const created = await createSession(server, { scenarioId: 'db-failover-lag', seed: 'declare' });
        const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
        const seat = async (name: string, role: string) => {
          const joined = await joinSession(server, created.joinCode, name);
          const client = await TestClient.connect(server.url, { token: joined.playerToken });
          expect(await client.send({ type: 'role.take', role })).toMatchObject({ ok: true });
          return client;
        };
        const sre = await seat('Ana', 'sre');
        const comms = await seat('Bo', 'comms');
        const ic = await seat('Cy', 'ic');
        expect(await facilitator.send({ type: 'session.start' })).toMatchObject({ ok: true });
        expect(await facilitator.send({ type: 'clock.advance', minutes: 6 })).toMatchObject({ ok: true });
        await sre.resync();
        const page = sre.playerView.injects.find((i) => i.key === 'alert:rule:orders-5xx');
        expect(page?.page).toBe(true);

        // Bo's role never got that page, so he cannot say it told him.
        expect(
          await comms.send({
            type: 'incident.declare',
            kind: 'incident',
            source: 'alert',
            alert: 'alert:rule:orders-5xx',
          }),
        ).toMatchObject({ ok: false, error: { code: 'not-found' } });
        expect(
          await sre.send({
            type: 'incident.declare',
            kind: 'incident',
            source: 'alert',
            alert: 'alert:rule:orders-5xx',
          }),
        ).toMatchObject({ ok: true });
        const declaredAt = (await facilitator.resync()).view.clock.minutes;
        const waiting = (await comms.resync()).view;
        expect(waiting.declarations).toEqual([
          expect.objectContaining({ status: 'pending', kind: 'incident', source: 'alert' }),
        ]);
        expect(waiting.milestones['detected']).toBeUndefined();
        expect(await comms.send({ type: 'incident.declare', kind: 'incident' })).toMatchObject({
          ok: false,
          error: { code: 'unavailable' },
        });
        const id = waiting.declarations[0]?.id ?? '';
        for (const player of [sre, comms, ic]) {
          expect(await player.send({ type: 'declaration.confirm', declarationId: id })).toMatchObject({
            ok: false,
            error: { code: 'forbidden' },
          });
          expect(await player.send({ type: 'declaration.reject', declarationId: id })).toMatchObject({
            ok: false,
            error: { code: 'forbidden' },
          });
        }
        expect(await facilitator.send({ type: 'declaration.confirm', declarationId: 'd999' })).toMatchObject({
          ok: false,
          error: { code: 'not-found' },
        });

        expect(await facilitator.send({ type: 'clock.advance', minutes: 3 })).toMatchObject({ ok: true });
        expect(await facilitator.send({ type: 'declaration.confirm', declarationId: id })).toMatchObject({ ok: true });
        const confirmed = (await comms.resync()).view;
        expect(confirmed.milestones['detected']).toMatchObject({
          game: declaredAt,
          source: 'monitoring',
          declared: { by: 'Ana', role: 'On-call SRE', told: 'alert', alert: 'alert:rule:orders-5xx' },
        });
        expect(confirmed.declarations[0]?.status).toBe('confirmed');

        // The incident commander's word needs no confirmation.
        expect(await ic.send({ type: 'incident.declare', kind: 'mitigated' })).toMatchObject({ ok: true });
        const view = (await facilitator.resync()).view as FacilitatorView;
        expect(view.milestones['mitigated']).toMatchObject({ declared: { by: 'Cy', confirmedBy: 'commander' } });

        const record = (await fetch(`${server.url}/api/sessions/${created.sessionId}/incident.json`, {
          headers: { authorization: `Bearer ${created.facilitatorToken}` },
        }).then((r) => r.json())) as IncidentRecord;
        expect(record.detectionSource).toBe('monitoring');
        expect(record.milestones.detected?.declared).toMatchObject({ by: 'Ana', confirmedBy: 'facilitator' });
        expect((record.milestones.detected?.game ?? 0) - (record.milestones.started?.game ?? 0)).toBe(declaredAt + 3);
        for (const c of [facilitator, sre, comms, ic]) c.close();
      },
      { scenariosDir: SHIPPED },
    );
  });
});
