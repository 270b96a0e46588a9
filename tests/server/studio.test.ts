import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  MAX_SCENARIO_BYTES,
  type ApiError,
  type ScenarioSummary,
  type StudioFile,
  type StudioFileText,
} from '@chaos-quest/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newerOnDisk } from '../../client/src/studio/use-disk-follow.ts';
import type { CreateServerOptions } from '../../server/src/app.ts';
import { withServer } from './harness.ts';

const SHIPPED = fileURLToPath(new URL('../../scenarios/', import.meta.url));

describe('the studio API', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cq-studio-'));
    copyFileSync(join(SHIPPED, 'dns-ttl-trap.yaml'), join(dir, 'dns-ttl-trap.yaml'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const on = (extra: CreateServerOptions = {}): CreateServerOptions => ({ scenariosDir: dir, studio: true, ...extra });
  const put = (url: string, name: string, text: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/studio/files/${name}`, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain', ...headers },
      body: text,
    });
  const post = (url: string, path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('is off by default: 404 for every studio route, and nothing written', async () => {
    await withServer(
      async (server) => {
        expect((await fetch(`${server.url}/api/studio/files`)).status).toBe(404);
        const saved = await put(server.url, 'new.yaml', 'format: chaos-quest/1\n');
        expect(saved.status).toBe(404);
        expect(((await saved.json()) as ApiError).error.code).toBe('studio-off');
        expect(existsSync(join(dir, 'new.yaml'))).toBe(false);
      },
      { scenariosDir: dir },
    );
  });

  it('lists, reads and saves with CQ_STUDIO=1', async () => {
    await withServer(async (server) => {
      writeFileSync(join(dir, 'baseline.csv'), 'minute,value\n0,1\n');
      writeFileSync(join(dir, 'notes.txt'), 'not for the studio');
      const list = (await (await fetch(`${server.url}/api/studio/files`)).json()) as {
        files: { name: string; kind: string }[];
      };
      expect(list.files.map((f) => [f.name, f.kind])).toEqual([
        ['baseline.csv', 'csv'],
        ['dns-ttl-trap.yaml', 'scenario'],
      ]);
      const read = (await (await fetch(`${server.url}/api/studio/files/dns-ttl-trap.yaml`)).json()) as { text: string };
      expect(read.text).toBe(readFileSync(join(dir, 'dns-ttl-trap.yaml'), 'utf8'));
      const edited = read.text.replace('title: The TTL Trap', 'title: The TTL Trap, again');
      expect(edited).not.toBe(read.text);
      const saved = await put(server.url, 'dns-ttl-trap.yaml', edited);
      expect(saved.status).toBe(200);
      expect(readFileSync(join(dir, 'dns-ttl-trap.yaml'), 'utf8')).toBe(edited);
    }, on());
  });

  it('reads a file with the time and size the list gives, so the page sees a rewrite that kept the time', async () => {
    await withServer(async (server) => {
      const path = join(dir, 'dns-ttl-trap.yaml');
      // Whole seconds, as a file system with a coarse clock keeps them.
      const second = 1_700_000_000;
      utimesSync(path, second, second);
      const listed = async () =>
        ((await (await fetch(`${server.url}/api/studio/files`)).json()) as { files: StudioFile[] }).files.find(
          (f) => f.name === 'dns-ttl-trap.yaml',
        ) as StudioFile;
      const read = (await (await fetch(`${server.url}/api/studio/files/dns-ttl-trap.yaml`)).json()) as StudioFileText;
      expect(read.size).toBe(Buffer.byteLength(read.text));
      expect(read.mtimeMs).toBe(second * 1000);
      expect(newerOnDisk(await listed(), read)).toBe(false);
      // Another editor rewrites it in place within the same tick of the clock: same time, new text.
      writeFileSync(path, read.text.replace('title: The TTL Trap', 'title: The TTL Trap Returns'));
      utimesSync(path, second, second);
      const rewritten = await listed();
      expect(rewritten.mtimeMs).toBe(read.mtimeMs);
      expect(newerOnDisk(rewritten, read)).toBe(true);
    }, on());
  });

  it('reads the environment switch CQ_STUDIO=1', async () => {
    await withServer(async (server) => expect((await fetch(`${server.url}/api/studio/files`)).status).toBe(200), {
      scenariosDir: dir,
      env: { CQ_STUDIO: '1' },
    });
  });

  it('answers a request with the right admin key when the studio is off, and spends the key budget on wrong ones', async () => {
    await withServer(
      async (server) => {
        const key = { 'x-admin-key': 'correct-horse-battery' };
        expect((await fetch(`${server.url}/api/studio/files`, { headers: key })).status).toBe(200);
        expect((await put(server.url, 'by-admin.yaml', 'id: x\n', key)).status).toBe(200);
        expect(readFileSync(join(dir, 'by-admin.yaml'), 'utf8')).toBe('id: x\n');
        const statuses: number[] = [];
        for (let i = 0; i < 7; i++) {
          statuses.push(
            (await fetch(`${server.url}/api/studio/files`, { headers: { 'x-admin-key': `wrong-${i}` } })).status,
          );
        }
        expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
        expect(statuses.slice(5)).toEqual([429, 429]);
        // Without a key at all, the studio stays hidden.
        expect((await fetch(`${server.url}/api/studio/files`)).status).toBe(404);
      },
      { scenariosDir: dir, adminKey: 'correct-horse-battery' },
    );
  });

  it('refuses names that leave the folder or are not scenario, tests or CSV files', async () => {
    await withServer(async (server) => {
      for (const name of [
        '..%2Fescape.yaml',
        '%2E%2E%2Fescape.yaml',
        'a%2Fb.yaml',
        'notes.txt',
        '.hidden.yaml',
        'a..yaml',
      ]) {
        const response = await put(server.url, name, 'id: x\n');
        expect([400, 404]).toContain(response.status);
      }
      const created = await post(server.url, '/api/studio/files', { name: '../escape.yaml', text: '' });
      expect(created.status).toBe(400);
      expect(existsSync(join(dir, '..', 'escape.yaml'))).toBe(false);
      expect(readdirSync(dir)).toEqual(['dns-ttl-trap.yaml']);
    }, on());
  });

  it('refuses a body over the scenario size cap and keeps the old file', async () => {
    await withServer(async (server) => {
      const before = readFileSync(join(dir, 'dns-ttl-trap.yaml'), 'utf8');
      const response = await put(server.url, 'dns-ttl-trap.yaml', `# ${'x'.repeat(MAX_SCENARIO_BYTES)}\n`);
      expect(response.status).toBe(413);
      expect(readFileSync(join(dir, 'dns-ttl-trap.yaml'), 'utf8')).toBe(before);
    }, on());
  });

  it('saves atomically: no temporary file is left, and concurrent saves leave one whole version', async () => {
    await withServer(async (server) => {
      const versions = Array.from({ length: 8 }, (_, i) => `# version ${i}\n${'line\n'.repeat(20_000)}`);
      const results = await Promise.all(versions.map((v) => put(server.url, 'racing.yaml', v)));
      expect(results.map((r) => r.status)).toEqual(versions.map(() => 200));
      expect(versions).toContain(readFileSync(join(dir, 'racing.yaml'), 'utf8'));
      expect(readdirSync(dir).sort()).toEqual(['dns-ttl-trap.yaml', 'racing.yaml']);
    }, on());
  });

  it('refuses a save based on a version that is no longer on disk, and keeps what is there', async () => {
    await withServer(async (server) => {
      const url = `${server.url}/api/studio/files/dns-ttl-trap.yaml`;
      const opened = (await (await fetch(url)).json()) as { text: string; hash: string };
      // Another author's edit lands on disk after this one opened the file.
      const theirs = opened.text.replace('title: The TTL Trap', 'title: Their title');
      writeFileSync(join(dir, 'dns-ttl-trap.yaml'), theirs);
      const mine = opened.text.replace('title: The TTL Trap', 'title: My title');
      const refused = await put(server.url, 'dns-ttl-trap.yaml', mine, { 'if-match': `"${opened.hash}"` });
      expect(refused.status).toBe(412);
      const error = ((await refused.json()) as ApiError).error;
      expect(error.code).toBe('changed');
      expect(error.message).toContain('changed on disk since you opened it');
      expect(readFileSync(join(dir, 'dns-ttl-trap.yaml'), 'utf8')).toBe(theirs);
      // Having read theirs, the author overwrites it knowingly, and the next save builds on that one.
      const current = (await (await fetch(url)).json()) as { hash: string };
      const saved = await put(server.url, 'dns-ttl-trap.yaml', mine, { 'if-match': `"${current.hash}"` });
      expect(saved.status).toBe(200);
      const next = (await saved.json()) as { hash: string };
      expect(readFileSync(join(dir, 'dns-ttl-trap.yaml'), 'utf8')).toBe(mine);
      expect((await put(server.url, 'dns-ttl-trap.yaml', `${mine}\n`, { 'if-match': `"${next.hash}"` })).status).toBe(
        200,
      );
      // Two saves from the same version at once: the first wins, the second is told.
      const base = (await (await fetch(url)).json()) as { hash: string };
      const both = await Promise.all(
        ['# one\n', '# two\n'].map((text) =>
          put(server.url, 'dns-ttl-trap.yaml', text, { 'if-match': `"${base.hash}"` }),
        ),
      );
      expect(both.map((r) => r.status).sort()).toEqual([200, 412]);
      // A file removed meanwhile is not quietly brought back.
      rmSync(join(dir, 'dns-ttl-trap.yaml'));
      const gone = await put(server.url, 'dns-ttl-trap.yaml', mine, { 'if-match': `"${base.hash}"` });
      expect(gone.status).toBe(412);
      expect(((await gone.json()) as ApiError).error.message).toContain('was removed on disk');
      expect(existsSync(join(dir, 'dns-ttl-trap.yaml'))).toBe(false);
    }, on());
  });

  it('creates a new file once, and refuses to create one that exists', async () => {
    await withServer(async (server) => {
      expect((await post(server.url, '/api/studio/files', { name: 'fresh.yaml' })).status).toBe(201);
      expect(readFileSync(join(dir, 'fresh.yaml'), 'utf8')).toBe('');
      expect((await post(server.url, '/api/studio/files', { name: 'fresh.yaml', text: 'x' })).status).toBe(409);
      expect(readFileSync(join(dir, 'fresh.yaml'), 'utf8')).toBe('');
    }, on());
  });

  it('saves a broken file, which the library lists as invalid and never opens a session with', async () => {
    await withServer(async (server) => {
      const good = readFileSync(join(dir, 'dns-ttl-trap.yaml'), 'utf8');
      expect((await put(server.url, 'dns-ttl-trap.yaml', good.replace(/^start: .*$/m, 'start: nowhere'))).status).toBe(
        200,
      );
      await server.library.reload();
      const list = (await (await fetch(`${server.url}/api/scenarios`)).json()) as ScenarioSummary[];
      expect(list.find((s) => s.file === 'dns-ttl-trap.yaml')?.valid).toBe(false);
      const opened = await post(server.url, '/api/sessions', { scenarioId: 'dns-ttl-trap' });
      expect(opened.status).toBeGreaterThanOrEqual(400);
    }, on());
  });

  it('runs simulate within its run budget and reports endings as JSON', async () => {
    await withServer(async (server) => {
      const response = await post(server.url, '/api/studio/files/dns-ttl-trap.yaml/simulate', { runs: 30, seed: 's' });
      expect(response.status).toBe(200);
      const report = (await response.json()) as { runs: number; endings: { id: string; runs: number }[] };
      expect(report.runs).toBe(30);
      expect(report.endings.reduce((n, e) => n + e.runs, 0)).toBeGreaterThan(0);
      const tooMany = await post(server.url, '/api/studio/files/dns-ttl-trap.yaml/simulate', { runs: 2_001 });
      expect(tooMany.status).toBe(400);
    }, on());
  });

  it('runs one simulation at a time per server: a second at once is told to wait', async () => {
    await withServer(async (server) => {
      const first = post(server.url, '/api/studio/files/dns-ttl-trap.yaml/simulate', { runs: 400 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const second = await post(server.url, '/api/studio/files/dns-ttl-trap.yaml/simulate', { runs: 1 });
      expect(second.status).toBe(429);
      expect((await first).status).toBe(200);
    }, on());
  });

  it("runs the file's tests and reports each, with the failing step's line", async () => {
    await withServer(async (server) => {
      const good = readFileSync(join(dir, 'dns-ttl-trap.yaml'), 'utf8');
      const passing = (await (await post(server.url, '/api/studio/files/dns-ttl-trap.yaml/tests', {})).json()) as {
        passed: number;
        failed: number;
      };
      expect(passing.passed).toBeGreaterThan(0);
      expect(passing.failed).toBe(0);
      const broken = `${good.trimEnd()}\n  - name: a step that is not open\n    steps:\n      - { choose: no-such-choice }\n    expect: { ending: recovered }\n`;
      await put(server.url, 'dns-ttl-trap.yaml', broken);
      const report = (await (await post(server.url, '/api/studio/files/dns-ttl-trap.yaml/tests', {})).json()) as {
        failed: number;
        tests: { name: string; passed: boolean; line: number; where: string }[];
      };
      expect(report.failed).toBe(1);
      const failed = report.tests.find((t) => !t.passed);
      expect(failed).toMatchObject({ name: 'a step that is not open', where: 'step 1' });
      expect(broken.split('\n')[(failed?.line ?? 0) - 1]).toContain('no-such-choice');
    }, on());
  });
});
