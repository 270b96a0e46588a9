import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_SCENARIO_BYTES, type ScenarioSummary } from '@chaos-quest/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSession,
  FIXTURE_SCENARIOS,
  joinSession,
  startServer,
  tempDir,
  TestClient,
  until,
  withServer,
} from './harness.ts';

/** Finding 5 of issue 9: a hostile scenarios folder must not hang, leak or hijack the server. */
describe('a hostile scenarios folder', () => {
  let scenarios: string;
  beforeEach(() => {
    scenarios = mkdtempSync(join(tmpdir(), 'cq-hostile-scenarios-'));
    copyFileSync(join(FIXTURE_SCENARIOS, 'dns-ttl-trap.yaml'), join(scenarios, 'dns-ttl-trap.yaml'));
  });
  afterEach(() => rmSync(scenarios, { recursive: true, force: true }));

  const listing = async (url: string) => {
    const response = await fetch(`${url}/api/scenarios`);
    return { text: await response.text(), status: response.status };
  };

  it('listens and serves with a FIFO named *.yaml present at start, and lists it as not a regular file', async () => {
    execFileSync('mkfifo', [join(scenarios, 'pipe.yaml')]);
    await withServer(
      async (server) => {
        const { text } = await listing(server.url);
        const list = JSON.parse(text) as ScenarioSummary[];
        expect(list.find((s) => s.file === 'pipe.yaml')).toMatchObject({
          valid: false,
          diagnostics: [{ code: 'CQ1009', message: expect.stringContaining('FIFO') }],
        });
        const created = await createSession(server);
        const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
        expect(await facilitator.send({ type: 'session.start' })).toMatchObject({ ok: true });
        expect(await facilitator.send({ type: 'timeline.post', text: 'still here' })).toMatchObject({ ok: true });
        facilitator.close();
      },
      { scenariosDir: scenarios },
    );
  });

  it('keeps acknowledging commands and joins after four FIFOs are added under the watcher, and closes cleanly', async () => {
    const dataDir = tempDir();
    const server = await startServer(dataDir, { scenariosDir: scenarios, watchScenarios: true });
    try {
      const created = await createSession(server);
      const facilitator = await TestClient.connect(server.url, { token: created.facilitatorToken });
      expect(await facilitator.send({ type: 'session.start' })).toMatchObject({ ok: true });
      for (let i = 1; i <= 4; i++) execFileSync('mkfifo', [join(scenarios, `pipe-${i}.yaml`)]);
      await until(() => server.library.list().filter((s) => s.file.startsWith('pipe-')).length === 4);
      // Each ack waits for a WAL fsync on the thread pool: four parked workers would hold every one.
      for (let i = 0; i < 5; i++)
        expect(await facilitator.send({ type: 'timeline.post', text: `post ${i}` })).toMatchObject({ ok: true });
      const seat = await joinSession(server, created.joinCode, 'Ana');
      const ana = await TestClient.connect(server.url, { token: seat.playerToken });
      expect(await ana.send({ type: 'hand.raise', raised: true })).toMatchObject({ ok: true });
      expect(await fetch(`${server.url}/api/health`).then((r) => r.status)).toBe(200);
      ana.close();
      facilitator.close();
    } finally {
      const closed = await Promise.race([
        server.close().then(() => 'closed'),
        new Promise((r) => setTimeout(() => r('still open after 15 s'), 15_000)),
      ]);
      rmSync(dataDir, { recursive: true, force: true });
      expect(closed).toBe('closed');
    }
  });

  it('does not follow a symbolic link to a file outside the folder, nor show its content', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'cq-outside-'));
    writeFileSync(join(outside, 'target.yaml'), 'db_password: hunter2-TOP-SECRET\nformat: chaos-quest/1\n');
    symlinkSync(join(outside, 'target.yaml'), join(scenarios, 'innocent.yaml'));
    try {
      await withServer(
        async (server) => {
          const { text, status } = await listing(server.url);
          expect(status).toBe(200);
          expect(text).not.toContain('hunter2');
          expect(text).not.toContain('db_password');
          const linked = (JSON.parse(text) as ScenarioSummary[]).find((s) => s.file === 'innocent.yaml');
          expect(linked?.diagnostics).toEqual([
            expect.objectContaining({ code: 'CQ1009', message: 'symbolic links are not followed: copy the file in.' }),
          ]);
        },
        { scenariosDir: scenarios },
      );
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses an oversized file unread and serves the rest', async () => {
    writeFileSync(join(scenarios, 'huge.yaml'), `# ${'secret '.repeat(MAX_SCENARIO_BYTES / 7 + 1)}\n`);
    await withServer(
      async (server) => {
        const { text } = await listing(server.url);
        expect(text).not.toContain('secret');
        const huge = (JSON.parse(text) as ScenarioSummary[]).find((s) => s.file === 'huge.yaml');
        expect(huge).toMatchObject({ valid: false, diagnostics: [{ code: 'CQ1001' }] });
        await createSession(server);
      },
      { scenariosDir: scenarios },
    );
  });

  it('keeps serving the first file with a scenario id and lists the later copy as a duplicate', async () => {
    const shipped = readFileSync(join(FIXTURE_SCENARIOS, 'dns-ttl-trap.yaml'), 'utf8');
    writeFileSync(join(scenarios, 'zz-hijack.yaml'), shipped.replace(/^title: .*$/m, 'title: Hijacked'));
    await withServer(
      async (server) => {
        const list = JSON.parse((await listing(server.url)).text) as ScenarioSummary[];
        expect(list.map((s) => [s.file, s.id, s.valid])).toEqual([
          ['dns-ttl-trap.yaml', 'dns-ttl-trap', true],
          ['zz-hijack.yaml', 'dns-ttl-trap', false],
        ]);
        expect(list[1]?.diagnostics[0]).toMatchObject({
          code: 'CQ1010',
          message: expect.stringContaining('already served by dns-ttl-trap.yaml'),
        });
        await createSession(server);
        expect(server.library.get('dns-ttl-trap')?.scenario.title).toBe('The TTL Trap');
      },
      { scenariosDir: scenarios },
    );
  });
});
