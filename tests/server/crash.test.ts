import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { replay, stateHash, type CommandAck } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import type { ChaosServer } from '../../server/src/app.ts';
import { FIXTURE } from './fixture-scenario.ts';
import { FIXTURE_SCENARIOS, startServer, tempDir, TestClient, type CommandPayload } from './harness.ts';

const CHILD = new URL('./fixtures/serve-child.ts', import.meta.url).pathname;

/** Starts the server in a child process and resolves with it and its URL once it listens. */
async function spawnServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, FIXTURE_SCENARIOS, '7'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`server child exited early with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

type Acked = { actor: string; id: string; seq: number };

/** Sends commands one after another from `client` until told to stop, remembering every ok ack. */
async function drive(
  client: TestClient,
  actor: string,
  next: (i: number) => CommandPayload,
  acked: Acked[],
  stop: () => boolean,
): Promise<void> {
  for (let i = 0; !stop(); i++) {
    const id = `${actor}-${i}`;
    let ack: CommandAck;
    try {
      ack = await client.send({ ...next(i), id });
    } catch {
      return; // the server died under us: that command was never acknowledged
    }
    if (ack.ok) acked.push({ actor, id, seq: ack.seq });
    await new Promise((r) => setTimeout(r, 30));
  }
}

describe('a server killed with SIGKILL mid-session', () => {
  it('loses no acknowledged command, and resumes at the state a fresh replay of its log gives', async () => {
    const dir = tempDir();
    let restarted: ChaosServer | null = null;
    try {
      const { child, url } = await spawnServer(dir);
      const post = (path: string, body: unknown) =>
        fetch(url + path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then((r) => r.json());
      const created = await post('/api/sessions', { scenarioId: 'dns-ttl-trap', seed: 'crash-seed', team: 'crash' });
      const seats = await Promise.all(
        ['Ana', 'Bo', 'Cy'].map((name) => post('/api/join', { joinCode: created.joinCode, name })),
      );
      const facilitator = await TestClient.connect(url, { token: created.facilitatorToken });
      const players = await Promise.all(
        seats.map((s: { playerToken: string }) => TestClient.connect(url, { token: s.playerToken })),
      );
      await facilitator.send({ type: 'session.start' });

      const acked: Acked[] = [];
      let stop = false;
      const drivers = [
        drive(
          facilitator,
          'facilitator',
          (i) => ({ type: 'timeline.post', text: `Facilitator note ${i}` }),
          acked,
          () => stop,
        ),
        ...players.map((p, n) =>
          drive(
            p,
            `player${n}`,
            (i) =>
              i % 3 === 0
                ? { type: 'hand.raise', raised: i % 2 === 0 }
                : { type: 'timeline.post', text: `Player ${n} says ${i}` },
            acked,
            () => stop,
          ),
        ),
      ];
      while (acked.length < 40) await new Promise((r) => setTimeout(r, 5));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      stop = true;
      await Promise.all(drivers);
      for (const c of [facilitator, ...players]) c.close();

      restarted = await startServer(dir);
      const session = await restarted.hub.get(created.sessionId);
      const log = await restarted.store.readLog(created.sessionId);
      expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
      const bySeq = new Map(log.map((e) => [e.seq, e]));
      for (const a of acked) expect(bySeq.get(a.seq)?.command.id, `acknowledged ${a.id} at seq ${a.seq}`).toBe(a.id);
      const row = await restarted.store.getSession(created.sessionId);
      if (!row || !session) throw new Error('session lost');
      const fresh = replay(FIXTURE, row.seed, log, {
        scenarioHash: row.scenarioHash,
        team: row.team,
        createdAt: row.createdAt,
      });
      expect(fresh.ok).toBe(true);
      expect(stateHash(session.state)).toBe(fresh.ok ? stateHash(fresh.state) : 'no replay');
      expect(session.state.seq).toBeGreaterThanOrEqual(Math.max(...acked.map((a) => a.seq)));
      // The session goes on where it stopped.
      const again = await TestClient.connect(restarted.url, { token: created.facilitatorToken });
      expect(await again.send({ type: 'session.pause' })).toEqual({ ok: true, seq: log.length + 1 });
      again.close();
    } finally {
      await restarted?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
