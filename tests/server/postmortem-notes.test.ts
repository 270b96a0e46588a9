import { describe, expect, it } from 'vitest';
import { createSession, joinSession, TestClient, withServer } from './harness.ts';

/** The text of one section of a Markdown draft: from its heading to the next. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`## ${title}\n`);
  expect(start, `section ${title}`).toBeGreaterThan(-1);
  const next = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, next === -1 ? undefined : next);
}

describe('the debrief’s notes in the exported post-mortem', () => {
  it('carries what players and the facilitator wrote at the debrief into the draft, and ranks no one', async () => {
    await withServer(async (server) => {
      const created = await createSession(server, { team: 'red' });
      const anaSeat = await joinSession(server, created.joinCode, 'Ana');
      const boSeat = await joinSession(server, created.joinCode, 'Bo');
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      const ana = await TestClient.connect(server.url, { token: anaSeat.playerToken });
      const bo = await TestClient.connect(server.url, { token: boSeat.playerToken });
      const observer = await TestClient.connect(server.url, { observe: created.joinCode });
      const ok = async (promise: Promise<unknown>) => expect(await promise).toMatchObject({ ok: true });

      await ok(ana.send({ type: 'role.take', role: 'sre' }));
      await ok(bo.send({ type: 'role.take', role: 'ic' }));
      await ok(facilitator.send({ type: 'session.start' }));
      expect(await ana.send({ type: 'debrief.note', kind: 'hard', text: 'too early' })).toMatchObject({
        ok: false,
        error: { code: 'wrong-phase' },
      });
      await ok(facilitator.send({ type: 'clock.advance', minutes: 10 }));
      await ok(facilitator.send({ type: 'session.end', outcome: 'failure' }));

      await ok(ana.send({ type: 'debrief.note', kind: 'went-well', text: 'The page reached the right <person>' }));
      await ok(bo.send({ type: 'debrief.note', kind: 'hard', text: 'Two dashboards disagreed on the error rate' }));
      await ok(facilitator.send({ type: 'debrief.note', kind: 'lucky', text: 'It happened in a quiet hour' }));
      await ok(
        ana.send({
          type: 'action-item.add',
          text: 'Put resolver TTL changes through review',
          owner: 'Platform',
          priority: 'high',
        }),
      );
      expect(await observer.sendRaw({ id: 'o1', type: 'debrief.note', kind: 'hard', text: 'x' })).toMatchObject({
        ok: false,
      });
      expect(await bo.send({ type: 'debrief.note', kind: 'blame', text: 'x' } as never)).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
      const last = facilitator.latest.seq;
      const seen = await observer.viewWhere((m) => m.seq === last);
      expect(seen.view.debriefNotes.map((n) => n.kind)).toEqual(['went-well', 'hard', 'lucky']);

      const headers = { authorization: `Bearer ${created.facilitatorToken}` };
      const base = `${server.url}/api/sessions/${created.sessionId}`;
      const markdown = await fetch(`${base}/postmortem.md`, { headers }).then((r) => r.text());
      expect(section(markdown, 'What went well')).toContain('- The page reached the right \\<person\\>');
      const hard = section(markdown, 'What was hard');
      expect(hard).toContain('- Two dashboards disagreed on the error rate');
      expect(hard, 'ended early, the scenario’s questions stay').toContain('Why did a TTL change skip review?');
      expect(section(markdown, 'Where we got lucky')).toContain('- It happened in a quiet hour');
      expect(section(markdown, 'Action items')).toContain(
        '| Put resolver TTL changes through review | Platform | high |',
      );

      const prose = markdown.slice(0, markdown.indexOf('## Appendix'));
      expect(prose).not.toMatch(/\b(Ana|Bo)\b/);
      expect(prose).not.toContain(created.sessionId);
      expect(markdown).not.toMatch(/\b(score|rank|leaderboard)/i);
      const record = await fetch(`${base}/incident.json`, { headers }).then((r) => r.text());
      expect(record, 'the record keeps roles, never people').not.toMatch(/"(Ana|Bo)"|score|rank/i);
      expect(JSON.parse(record)).toMatchObject({
        actionItems: [{ text: 'Put resolver TTL changes through review', owner: 'Platform', priority: 'high' }],
      });
      for (const client of [facilitator, ana, bo, observer]) client.close();
    });
  });
});
