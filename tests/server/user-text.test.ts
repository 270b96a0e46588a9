import type { ApiError, JoinResponse } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import type { ChaosServer } from '../../server/src/app.ts';
import { createSession, joinSession, postJson, TestClient, until, withServer } from './harness.ts';
import { HOSTILE_TEXT, renderMarkdown, tagNames } from './rendered-markdown.ts';

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

/**
 * Plays one session over real sockets where every field a person types holds the next of `typed`
 * (team, two names, an improvised inject, a called roll, a post, a proposal, a declaration's note,
 * then a post per text left, the closing note, an action item and its owner), and returns the
 * post-mortem the facilitator downloads.
 */
async function postmortemOf(server: ChaosServer, typed: readonly string[]): Promise<string> {
  let used = 0;
  const next = () => typed[used++ % typed.length] as string;
  const created = await createSession(server, { team: next() });
  const [anaSeat, boSeat] = [
    await joinSession(server, created.joinCode, next()),
    await joinSession(server, created.joinCode, next()),
  ];
  const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
  const ana = await TestClient.connect(server.url, { token: anaSeat.playerToken });
  const bo = await TestClient.connect(server.url, { token: boSeat.playerToken });
  try {
    const ok = async (promise: Promise<unknown>) => expect(await promise).toMatchObject({ ok: true });
    await ok(ana.send({ type: 'role.take', role: 'sre' }));
    await ok(bo.send({ type: 'role.take', role: 'ic' }));
    await ok(facilitator.send({ type: 'session.start' }));
    await ok(facilitator.send({ type: 'clock.advance', minutes: 10 }));
    await ok(facilitator.send({ type: 'inject.improvise', text: next() }));
    await ok(facilitator.send({ type: 'dice.roll', dice: 'd20', label: next() }));
    await ok(ana.send({ type: 'timeline.post', text: next() }));
    await ok(bo.send({ type: 'action.propose', text: next() }));
    await ok(bo.send({ type: 'incident.declare', kind: 'incident', note: next() }));
    await ok(ana.send({ type: 'inject.ack', key: 'page' }));
    await ok(bo.send({ type: 'choice.apply', choiceId: 'look' }));
    while (used < typed.length - 3) await ok(bo.send({ type: 'timeline.post', text: next() }));
    await ok(facilitator.send({ type: 'session.end', outcome: 'partial', note: next() }));
    await ok(ana.send({ type: 'action-item.add', text: next(), owner: next() }));
  } finally {
    for (const client of [facilitator, ana, bo]) client.close();
  }
  const response = await fetch(
    `${server.url}/api/sessions/${created.sessionId}/postmortem.md`,
    bearer(created.facilitatorToken),
  );
  expect(response.status).toBe(200);
  return response.text();
}

describe('user text in the post-mortem export', () => {
  it('renders what players and the facilitator typed as text: no HTML, link or image, and reads as typed', async () => {
    await withServer(async (server) => {
      const hostile = renderMarkdown(await postmortemOf(server, HOSTILE_TEXT));
      const plain = renderMarkdown(
        await postmortemOf(
          server,
          HOSTILE_TEXT.map((_, i) => `plain words ${i}`),
        ),
      );
      expect(tagNames(hostile)).toEqual(tagNames(plain));
      expect(hostile.tags.filter((tag) => /^<(a|img|script)\b/i.test(tag) || /javascript:/i.test(tag))).toEqual([]);
      for (const typed of HOSTILE_TEXT) expect(hostile.text).toContain(typed);
      expect(hostile.text).toContain(`${HOSTILE_TEXT[1]} takes the role of On-call SRE`);
      // The action item's row: its text, then its owner, each in a cell of its own.
      const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(hostile.text).toMatch(
        new RegExp(`${escape(HOSTILE_TEXT[12] ?? '')}\\s*${escape(HOSTILE_TEXT[13] ?? '')}`),
      );
    });
  });
});

describe('names at the table', () => {
  it('refuses names the game signs with and invisible names, and seats a name without its bidi override', async () => {
    await withServer(async (server) => {
      const created = await createSession(server, { team: ' \u202Ered\u202C\u200B  team ' });
      const join = (name: string) => postJson<ApiError>(`${server.url}/api/join`, { joinCode: created.joinCode, name });
      for (const name of ['Facilitator', ' system ']) {
        expect(await join(name)).toEqual({
          status: 400,
          body: { error: { code: 'invalid', message: 'That name is used by the game itself; pick another.' } },
        });
      }
      expect(await join('\u200B\u200C\u2060\uFEFF')).toEqual({
        status: 400,
        body: { error: { code: 'invalid', message: 'Type a name with at least one visible letter, digit or sign.' } },
      });
      const seated = await postJson<JoinResponse>(`${server.url}/api/join`, {
        joinCode: created.joinCode,
        name: '\u202Erotatilica\u200BF\u202C',
      });
      expect(seated.status).toBe(201);

      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      facilitator.close();
      const { view } = facilitator.latest;
      expect(view.players).toEqual([expect.objectContaining({ id: seated.body.playerId, name: 'rotatilicaF' })]);
      const log = await (
        await fetch(`${server.url}/api/sessions/${created.sessionId}/log.jsonl`, bearer(created.facilitatorToken))
      ).text();
      expect(log).toContain('"name":"rotatilicaF"');
      const incident = await fetch(
        `${server.url}/api/sessions/${created.sessionId}/incident.json`,
        bearer(created.facilitatorToken),
      );
      const record = (await incident.json()) as { team: string };
      expect(record.team).toBe('red team');

      const reservedTeam = await postJson(`${server.url}/api/sessions`, {
        scenarioId: 'dns-ttl-trap',
        team: 'ＳＹＳＴＥＭ',
      });
      expect(reservedTeam.status).toBe(400);
      expect(reservedTeam.body.error.message).toContain('That name is used by the game itself; pick another');
    });
  });
});

describe('the metrics CSV', () => {
  it('guards a team label a spreadsheet would run as a formula, and writes the session id as it is', async () => {
    await withServer(async (server) => {
      const team = '=HYPERLINK("http://evil.example","open")';
      const created = await createSession(server, { team });
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      try {
        for (const type of ['session.start', 'session.end', 'session.close'] as const) {
          const command = type === 'session.end' ? { type, outcome: 'partial' as const } : { type };
          expect(await facilitator.send(command)).toMatchObject({ ok: true });
        }
      } finally {
        facilitator.close();
      }
      let row: string | undefined;
      await until(async () => {
        const csv = await (await fetch(`${server.url}/api/metrics.csv`)).text();
        row = csv.split('\r\n').find((line) => line.includes(created.sessionId));
        return row !== undefined;
      });
      expect(row).toMatch(/^[A-Za-z]/);
      const guarded = `"'=HYPERLINK(""http://evil.example"",""open"")"`;
      expect(row?.startsWith(`${created.sessionId},dns-ttl-trap,${guarded},checkout dns,partial,`)).toBe(true);
    });
  });
});
