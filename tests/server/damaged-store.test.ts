import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../server/src/store/sqlite-store.ts';
import { StoreDamagedError } from '../../server/src/store/store-damage.ts';
import { createSession, FIXTURE_SCENARIOS, postJson, startServer, tempDir, withServer } from './harness.ts';

/** Finding 11 of issue 9, against the real server: a damaged database stops it; health tells a failing store. */
const repoRoot = new URL('../../', import.meta.url).pathname;

/** A data directory whose database has a garbled b-tree page (written by a real server first). */
async function damagedDataDir(): Promise<string> {
  const dataDir = tempDir();
  await withServer(
    async (server) => {
      for (let i = 0; i < 5; i++) await createSession(server);
    },
    { dataDir },
  );
  const file = path.join(dataDir, 'chaos-quest.sqlite');
  const db = new Database(file, { readonly: true });
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'sessions'").get() as {
    rootpage: number;
  };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(12, 0xee), 0, 12, (rootpage - 1) * pageSize);
  fs.closeSync(fd);
  return dataDir;
}

describe('a damaged database', () => {
  it('keeps the server from starting, with a message that names the file and how to recover', async () => {
    const dataDir = await damagedDataDir();
    try {
      const started = startServer(dataDir);
      await expect(started).rejects.toBeInstanceOf(StoreDamagedError);
      await expect(started).rejects.toThrow(`${path.join(dataDir, 'chaos-quest.sqlite')} is damaged`);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('makes `chaos-quest serve` print the message and exit 1, without a stack trace', async () => {
    const dataDir = await damagedDataDir();
    try {
      const env = {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        CQ_DATA_DIR: dataDir,
        CQ_SCENARIOS_DIR: FIXTURE_SCENARIOS,
      };
      const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', 'serve'], {
        cwd: repoRoot,
        env,
        timeout: 30_000,
      });
      const failed = (await run.then(
        () => null,
        (error: unknown) => error,
      )) as { code: number; stderr: string; killed: boolean } | null;
      expect(failed?.killed).toBe(false);
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toContain(`chaos-quest serve: ${path.join(dataDir, 'chaos-quest.sqlite')} is damaged`);
      expect(failed?.stderr).toContain('".recover"');
      expect(failed?.stderr).not.toMatch(/^\s+at /m);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('GET /api/health', () => {
  it('answers 503 with a failing store while writes fail, and 200 once they land again', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'chaos-quest.sqlite');
    await withServer(
      async (server) => {
        expect(await fetch(`${server.url}/api/health`).then((r) => r.json())).toEqual({ ok: true, store: 'ok' });
        // Another process holding the write lock: every write this server tries now fails.
        const other = new Database(file);
        other.exec('BEGIN EXCLUSIVE');
        expect((await postJson(`${server.url}/api/sessions`, { scenarioId: 'dns-ttl-trap' })).status).toBe(500);
        const failing = await fetch(`${server.url}/api/health`);
        expect(failing.status).toBe(503);
        expect(await failing.json()).toEqual({
          ok: false,
          store: 'failing',
          reason: expect.stringMatching(/locked|busy/i),
        });
        other.exec('COMMIT');
        other.close();
        await createSession(server);
        expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      },
      { dataDir, store: new SqliteStore(file, { busyTimeoutMs: 0 }) },
    );
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 once the store is closed', async () => {
    await withServer(async (server) => {
      await server.store.close();
      const response = await fetch(`${server.url}/api/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ ok: false, store: 'failing' });
    });
  });
});
