import type { CreateSessionResponse, FacilitatorView } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import { joinSession, postJson, TestClient, withServer } from './harness.ts';

const SHIPPED = new URL('../../scenarios/', import.meta.url).pathname;

/** Issue 15 over real sockets: session parameters chosen at creation (a dealt chain among them), and a 1.1 story in the console. */
describe('format 1.1 over the wire', () => {
  it('refuses a parameter the scenario does not declare, and plays with the one chosen at creation', async () => {
    await withServer(
      async (server) => {
        const url = `${server.url}/api/sessions`;
        const wrong = await postJson(url, { scenarioId: 'threat-hunt', parameters: { practised: 'often' } });
        expect(wrong).toMatchObject({
          status: 400,
          body: { error: { message: "'often' is not an option of 'practised'; choose one of no, yes." } },
        });
        const old = await postJson(url, { scenarioId: 'dns-ttl-trap', parameters: { practised: 'yes' } });
        expect(old.status).toBe(400);
        const created = await postJson<CreateSessionResponse>(url, {
          scenarioId: 'threat-hunt',
          seed: 'wire-hunt',
          parameters: { practised: 'yes', chain: 'hidden-task' },
        });
        expect(created.status).toBe(201);
        const facilitator = await TestClient.connect(server.url, { token: created.body.facilitatorToken });
        const seat = await joinSession(server, created.body.joinCode, 'Ana');
        const analyst = await TestClient.connect(server.url, { token: seat.playerToken });
        expect(await analyst.send({ type: 'role.take', role: 'analyst' })).toMatchObject({ ok: true });
        expect(await facilitator.send({ type: 'session.start' })).toMatchObject({ ok: true });
        expect(await facilitator.send({ type: 'choice.apply', choiceId: 'start-hunt' })).toMatchObject({ ok: true });
        // The analyst rolls the log review, as the scenario says; the practised bonus applies.
        expect(await analyst.send({ type: 'choice.apply', choiceId: 'siem-review', physical: 8 })).toMatchObject({
          ok: true,
        });
        const view = (await facilitator.resync()).view as FacilitatorView;
        expect(view.rolls[0]).toMatchObject({ natural: 8, total: 11, success: true });
        expect(view.story).toMatchObject({
          turn: 2,
          counters: { turn: 1, found: 1 },
          parameters: [
            { id: 'practised', value: 'yes' },
            { id: 'chain', value: 'hidden-task' },
          ],
        });
        // The chain chosen at creation is the one dealt: the facilitator sees it, the analyst does not.
        expect(view.story?.decks?.dealt).toMatchObject([
          { deck: 'chains', id: 'hidden-task', title: 'The disguised task' },
        ]);
        expect(JSON.stringify((await analyst.resync()).view)).not.toContain('The disguised task');
        facilitator.close();
        analyst.close();
      },
      { scenariosDir: SHIPPED },
    );
  });
});
