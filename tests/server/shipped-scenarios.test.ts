import { readdirSync, readFileSync } from 'node:fs';
import { diceRange, parseScenarioWith, type FacilitatorView, type IncidentRecord } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import { readBeside } from '../../server/src/scenarios/read-beside.ts';
import { auditFrames } from './frame-audit.ts';
import { createSession, joinSession, TestClient, until, withServer } from './harness.ts';

const SHIPPED = new URL('../../scenarios/', import.meta.url).pathname;
const files = readdirSync(SHIPPED)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const SEED = 'shipped-seed-5c3a9e';

/**
 * The facilitator's next move in a generic playthrough: reveal an inject that is waiting, else
 * apply the open choice taken least often so far (a loop cannot trap the game), with the dice's
 * best face rolled at the table; else let time pass.
 */
function nextMove(view: FacilitatorView, taken: Map<string, number>) {
  const inject = view.injectPlan.find((i) => i.available && !i.revealed && i.at === null);
  if (inject) return { type: 'inject.reveal' as const, injectId: inject.id };
  const choice = [...view.choices].sort((a, b) => (taken.get(a.id) ?? 0) - (taken.get(b.id) ?? 0))[0];
  if (!choice) return { type: 'clock.advance' as const, minutes: 10 };
  taken.set(choice.id, (taken.get(choice.id) ?? 0) + 1);
  return {
    type: 'choice.apply' as const,
    choiceId: choice.id,
    ...(choice.check ? { physical: diceRange(choice.check.dice).max } : {}),
  };
}

describe('every shipped scenario over sockets', () => {
  it.each(files)('%s plays to an ending with three seated roles and no leaked secret', async (file) => {
    const { scenario } = parseScenarioWith(readFileSync(SHIPPED + file, 'utf8'), file, readBeside(SHIPPED));
    if (!scenario) throw new Error(`${file} does not parse`);
    await withServer(
      async (server) => {
        const created = await createSession(server, { scenarioId: scenario.id, seed: SEED, team: 'shipped' });
        const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
        const players: TestClient[] = [];
        for (const [i, role] of scenario.roles.slice(0, 3).entries()) {
          const seat = await joinSession(server, created.joinCode, `Player ${i + 1}`);
          const client = await TestClient.connect(server.url, { token: seat.playerToken });
          expect(await client.send({ type: 'role.take', role: role.id })).toMatchObject({ ok: true });
          players.push(client);
        }
        const observer = await TestClient.connect(server.url, { observe: created.joinCode });
        expect(await facilitator.send({ type: 'session.start' })).toMatchObject({ ok: true });
        const taken = new Map<string, number>();
        for (let moves = 0; moves < 80 && facilitator.latest.view.phase === 'running'; moves++) {
          const view = facilitator.latest.view as FacilitatorView;
          expect(await facilitator.send(nextMove(view, taken))).toMatchObject({ ok: true });
        }
        if (facilitator.latest.view.phase === 'running')
          await facilitator.send({ type: 'session.end', outcome: 'partial' });
        expect(facilitator.latest.view.phase).toBe('debrief');
        const last = facilitator.latest.seq;
        for (const client of [...players, observer]) {
          await client.viewWhere((m) => m.seq === last);
          expect(auditFrames(scenario, SEED, client.frames)).toEqual([]);
        }
        await until(
          async () =>
            ((await fetch(`${server.url}/api/incidents`).then((r) => r.json())) as IncidentRecord[]).length === 1,
        );
        for (const client of [facilitator, ...players, observer]) client.close();
      },
      { scenariosDir: SHIPPED },
    );
  });
});
