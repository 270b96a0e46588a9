import { createHash } from 'node:crypto';
import type {
  AfterActionReport,
  EvaluatorCodeResponse,
  EvaluatorJoinResponse,
  TrackedAction,
} from '@chaos-quest/engine';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { EvidenceManifest } from '../../server/src/exports/evidence-pack.ts';
import { auditFrames } from './frame-audit.ts';
import { FIXTURE } from './fixture-scenario.ts';
import { createSession, joinSession, postJson, TestClient, until, withServer } from './harness.ts';
import type { ChaosServer } from '../../server/src/app.ts';

const SEED = 'seed-of-the-exercise-4f2a';
const NOTE = 'The SRE went straight to the resolver change log';
const REASON = 'Detection waited for a customer tweet';
const PLAN = { name: 'Incident response plan', version: '3.2' };
const OBJECTIVES = [
  {
    id: 'detect',
    title: 'Detect the fault from our own signals',
    capability: 'Situational assessment',
    controls: ['soc2:CC7.3', 'pci-12.10.1:procedures'],
    critical_tasks: [{ id: 'detect', text: 'Reach detection', check: { milestone: 'detected' } }],
  },
];

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function getJson<T>(url: string, token: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url, { headers: bearer(token) });
  return { status: response.status, body: (await response.json()) as T };
}

/** An exercise with an evaluator and three players, played to the debrief; returns its seats and clients. */
async function playExercise(server: ChaosServer, team: string) {
  const created = await createSession(server, { seed: SEED, team, plan: PLAN, objectives: OBJECTIVES } as never);
  const code = await postJson<EvaluatorCodeResponse>(
    `${server.url}/api/sessions/${created.sessionId}/evaluator-code`,
    {},
    bearer(created.facilitatorToken),
  );
  expect(code.status).toBe(201);
  const seat = await postJson<EvaluatorJoinResponse>(`${server.url}/api/evaluate`, {
    code: code.body.evaluatorCode,
    name: 'Eve Evaluator',
  });
  expect(seat.status).toBe(201);
  const seats = await Promise.all(['Ana', 'Bo', 'Cy'].map((name) => joinSession(server, created.joinCode, name)));
  const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
  const evaluator = await TestClient.connect(server.url, { token: seat.body.evaluatorToken });
  const players = await Promise.all(seats.map((s) => TestClient.connect(server.url, { token: s.playerToken })));
  const ok = async (promise: Promise<unknown>) => expect(await promise).toMatchObject({ ok: true });
  for (const [i, role] of ['sre', 'ic', 'comms'].entries())
    await ok(players[i]?.send({ type: 'role.take', role }) as never);
  await ok(facilitator.send({ type: 'session.brief' }));
  await ok(facilitator.send({ type: 'session.start' }));
  await ok(evaluator.send({ type: 'observation.add', kind: 'strength', objective: 'detect', note: NOTE }));
  await ok(facilitator.send({ type: 'choice.apply', choiceId: 'look' }));
  await ok(facilitator.send({ type: 'session.end', outcome: 'partial' }));
  await ok(evaluator.send({ type: 'objective.rate', objective: 'detect', rating: 'M', reason: REASON }));
  return { created, seats, facilitator, evaluator, players, ok, evaluatorToken: seat.body.evaluatorToken };
}

describe('an exercise over sockets and HTTP', () => {
  it('seats an evaluator who sees the facilitator’s view, runs nothing, and whose notes reach no player', async () => {
    await withServer(async (server) => {
      const { evaluator, players, facilitator, ok, created } = await playExercise(server, 'blue');
      const refused = await evaluator.send({ type: 'timeline.post', text: 'I am only watching' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const game = await evaluator.send({ type: 'session.close' });
      expect(game).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await ok(
        players[0]?.send({ type: 'feedback.submit', wentWell: 'Calm', toImprove: 'Page earlier', rating: 4 }) as never,
      );
      await until(
        () =>
          evaluator.latest.view.viewer === 'facilitator' && (evaluator.latest.view.exercise?.hotwash.forms ?? 0) === 1,
      );
      const view = evaluator.latest.view;
      expect(view.viewer === 'facilitator' && view.exercise?.observations.map((o) => o.note)).toEqual([NOTE]);
      expect(view.viewer === 'facilitator' && view.exercise?.plan).toEqual(PLAN);
      for (const client of players) expect(auditFrames(FIXTURE, SEED, client.frames, [NOTE, REASON])).toEqual([]);
      // A second evaluator is a seat of their own: the same command id from both is two commands.
      const code = await postJson<EvaluatorCodeResponse>(
        `${server.url}/api/sessions/${created.sessionId}/evaluator-code`,
        {},
        bearer(created.facilitatorToken),
      );
      const second = await postJson<EvaluatorJoinResponse>(`${server.url}/api/evaluate`, {
        code: code.body.evaluatorCode,
        name: 'Sam Second',
      });
      const sam = await TestClient.connect(server.url, { token: second.body.evaluatorToken });
      const rate = { id: 'same-id', type: 'objective.rate', objective: 'detect', rating: 'S', reason: 'Mine' } as const;
      await ok(evaluator.send(rate));
      await ok(sam.send(rate));
      await until(() => {
        const v = sam.latest.view;
        return v.viewer === 'facilitator' && v.exercise?.ratings.filter((r) => r.reason === 'Mine').length === 2;
      });
      sam.socket.close();
      // The audit would see a note: the facilitator's frames hold it.
      expect(auditFrames(FIXTURE, SEED, facilitator.frames, [NOTE]).length).toBeGreaterThan(0);
      for (const client of [facilitator, evaluator, ...players]) client.socket.close();
    });
  });

  it('keeps an anonymous hot wash’s answers out of the facilitator’s log export, which names every sender', async () => {
    await withServer(async (server) => {
      const { created, facilitator, evaluator, players, ok } = await playExercise(server, 'blue');
      await ok(facilitator.send({ type: 'hotwash.configure', anonymous: true }));
      const answer = 'The comms lead froze when paged';
      await ok(players[1]?.send({ type: 'feedback.submit', wentWell: answer, toImprove: answer, rating: 2 }) as never);
      const response = await fetch(`${server.url}/api/sessions/${created.sessionId}/log.jsonl`, {
        headers: bearer(created.facilitatorToken),
      });
      expect(response.status).toBe(200);
      const lines = (await response.text()).trim().split('\n');
      const form = lines
        .map((l) => JSON.parse(l) as { command: { type: string } })
        .find((e) => e.command.type === 'feedback.submit');
      expect(form?.command).toEqual({ id: expect.any(String), type: 'feedback.submit', redacted: 'anonymous' });
      expect(lines.join('\n')).not.toContain(answer);
      for (const client of [facilitator, evaluator, ...players]) client.socket.close();
    });
  });

  it('signs off, serves an evidence pack whose manifest matches its files, and refuses later edits', async () => {
    await withServer(async (server) => {
      const { created, facilitator, evaluator, players, ok, evaluatorToken } = await playExercise(server, 'blue');
      await ok(
        facilitator.send({
          type: 'corrective.add',
          issue: 'Nobody watched the resolver',
          action: 'Alert on resolver error rate',
          objective: 'detect',
          element: 'equipment',
          priority: 'high',
          owner: 'Platform lead',
          organisation: 'Platform',
          due: '2040-03-31',
        }),
      );
      await ok(facilitator.send({ type: 'exercise.signoff', name: 'Fran Facilitator' }));
      const late = await evaluator.send({
        type: 'objective.rate',
        objective: 'detect',
        rating: 'P',
        reason: 'second thoughts',
      });
      expect(late).toMatchObject({ ok: false, error: { code: 'frozen' } });
      expect(late.ok ? '' : late.error.message).toContain('Fran Facilitator');
      const code = await postJson(
        `${server.url}/api/sessions/${created.sessionId}/evaluator-code`,
        {},
        bearer(created.facilitatorToken),
      );
      expect(code).toMatchObject({ status: 409, body: { error: { code: 'frozen' } } });

      const download = async () => {
        const response = await fetch(`${server.url}/api/sessions/${created.sessionId}/evidence.zip`, {
          headers: bearer(created.facilitatorToken),
        });
        expect(response.status).toBe(200);
        return new Uint8Array(await response.arrayBuffer());
      };
      const zip = await download();
      const files = unzipSync(zip);
      const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array)) as EvidenceManifest;
      expect(manifest.signedOff?.name).toBe('Fran Facilitator');
      expect(manifest.plan).toEqual(PLAN);
      expect(Object.keys(files).sort()).toEqual([...manifest.files.map((f) => f.name), 'manifest.json'].sort());
      for (const file of manifest.files) {
        const bytes = files[file.name] as Uint8Array;
        expect(createHash('sha256').update(bytes).digest('hex'), file.name).toBe(file.sha256);
        expect(bytes.length).toBe(file.bytes);
      }
      const controls = strFromU8(files['controls.md'] as Uint8Array);
      expect(controls).toContain('1 of 7 elements of PCI DSS 12.10.1 were exercised');
      expect(strFromU8(files['improvement-plan.csv'] as Uint8Array)).toContain('Alert on resolver error rate');
      // The record is frozen, so the pack is too: the same bytes on every download.
      expect(Buffer.from(await download()).equals(Buffer.from(zip))).toBe(true);
      // An evaluator reads the report; only the facilitator downloads the pack.
      const report = await getJson<AfterActionReport>(
        `${server.url}/api/sessions/${created.sessionId}/report.json`,
        evaluatorToken,
      );
      expect(report.body.objectives.map((o) => [o.id, o.rating])).toEqual([['detect', 'M']]);
      const pack = await fetch(`${server.url}/api/sessions/${created.sessionId}/evidence.zip`, {
        headers: bearer(evaluatorToken),
      });
      expect(pack.status).toBe(403);
      for (const client of [facilitator, evaluator, ...players]) client.socket.close();
    });
  });

  it('tracks corrective actions across game days: shown to the team’s next session, changed there, retested by it', async () => {
    await withServer(async (server) => {
      const day1 = await playExercise(server, 'green');
      await day1.ok(
        day1.facilitator.send({
          type: 'corrective.add',
          issue: 'Slow detection',
          action: 'Alert on resolver errors',
          objective: 'detect',
          element: 'equipment',
          priority: 'high',
          owner: 'Platform lead',
          organisation: 'Platform',
          due: '2040-01-31',
        }),
      );
      await day1.ok(day1.facilitator.send({ type: 'exercise.signoff', name: 'Fran' }));
      for (const client of [day1.facilitator, day1.evaluator, ...day1.players]) client.socket.close();

      const day2 = await createSession(server, { team: 'green', plan: PLAN, objectives: OBJECTIVES } as never);
      const url = `${server.url}/api/sessions/${day2.sessionId}/corrective-actions`;
      const listed = await getJson<{ team: string; actions: TrackedAction[] }>(url, day2.facilitatorToken);
      expect(listed.body.actions.map((a) => [a.action, a.status, a.retest])).toEqual([
        ['Alert on resolver errors', 'open', null],
      ]);
      const key = listed.body.actions[0]?.key ?? '';
      const noReason = await postJson(`${url}/status`, { key, status: 'wont-do' }, bearer(day2.facilitatorToken));
      expect(noReason.status).toBe(400);
      const done = await postJson<{ action: TrackedAction }>(
        `${url}/status`,
        { key, status: 'done' },
        bearer(day2.facilitatorToken),
      );
      expect(done.body.action.status).toBe('done');
      // Another team's facilitator cannot touch it.
      const red = await createSession(server, { team: 'red' });
      const foreign = await postJson(
        `${server.url}/api/sessions/${red.sessionId}/corrective-actions/status`,
        { key, status: 'open' },
        bearer(red.facilitatorToken),
      );
      expect(foreign.status).toBe(404);

      // Day 2 plays the same objective, rates it and signs off: the action is retested by it.
      const evaluatorCode = await postJson<EvaluatorCodeResponse>(
        `${server.url}/api/sessions/${day2.sessionId}/evaluator-code`,
        {},
        bearer(day2.facilitatorToken),
      );
      const seat = await postJson<EvaluatorJoinResponse>(`${server.url}/api/evaluate`, {
        code: evaluatorCode.body.evaluatorCode,
        name: 'Eve',
      });
      const facilitator = await TestClient.connect(server.url, { token: day2.facilitatorToken });
      const evaluator = await TestClient.connect(server.url, { token: seat.body.evaluatorToken });
      const player = await joinSession(server, day2.joinCode, 'Ana');
      const ana = await TestClient.connect(server.url, { token: player.playerToken });
      await day1.ok(ana.send({ type: 'role.take', role: 'ic' }));
      await day1.ok(facilitator.send({ type: 'session.start' }));
      await day1.ok(facilitator.send({ type: 'choice.apply', choiceId: 'look' }));
      await day1.ok(facilitator.send({ type: 'session.end', outcome: 'success' }));
      await day1.ok(evaluator.send({ type: 'objective.rate', objective: 'detect', rating: 'S', reason: 'Better' }));
      await day1.ok(facilitator.send({ type: 'exercise.signoff', name: 'Fran' }));
      await until(
        async () =>
          (await getJson<{ actions: TrackedAction[] }>(url, day2.facilitatorToken)).body.actions[0]?.retest !== null,
      );
      const after = await getJson<{ actions: TrackedAction[] }>(url, day2.facilitatorToken);
      expect(after.body.actions[0]).toMatchObject({
        status: 'done',
        retest: { sessionId: day2.sessionId, rating: 'S' },
      });
      const csv = await fetch(`${url}.csv`, { headers: bearer(day2.facilitatorToken) });
      expect((await csv.text()).split('\r\n')[0]).toMatch(/^Summary,Description,Issue Type,Priority,Assignee,Due Date/);
      const trend = await fetch(`${server.url}/api/metrics/objectives?team=green`);
      expect(((await trend.json()) as { objectives: { ratings: string[] }[] }).objectives[0]?.ratings).toEqual([
        'M',
        'S',
      ]);
      for (const client of [facilitator, evaluator, ana]) client.socket.close();
    });
  });
});
