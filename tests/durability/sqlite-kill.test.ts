import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../server/src/store/sqlite-store.ts';
import { seedSession } from '../../server/src/store/store-fixtures.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const child = path.join(here, 'append-until-killed.ts');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cq-kill-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const ROUNDS = 4;
const SESSIONS = ['s1', 's2', 's3', 's4'];
/** Kill at a random moment up to this long after the child starts appending. */
const MAX_KILL_DELAY_MS = 800;

interface Round {
  acked: Map<string, number[]>;
  delayMs: number;
  signal: NodeJS.Signals | null;
}

/** Runs the child on `file`, SIGKILLs it after a random delay, and returns what it acknowledged. */
function killMidWrite(file: string): Promise<Round> {
  const delayMs = Math.floor(Math.random() * MAX_KILL_DELAY_MS);
  const proc = spawn(process.execPath, ['--import', 'tsx', child, file, SESSIONS.join(',')], {
    cwd: path.resolve(here, '../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffered = '';
  const acked = new Map<string, number[]>(SESSIONS.map((id) => [id, []]));
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'ready') setTimeout(() => proc.kill('SIGKILL'), delayMs);
      const [id, seq] = line.split(' ');
      if (id && seq) acked.get(id)?.push(Number(seq));
    }
  });
  // Bound the round even if the child never gets ready.
  const guard = setTimeout(() => proc.kill('SIGKILL'), 20_000);
  return new Promise((resolve) => {
    proc.on('close', (_code, signal) => {
      clearTimeout(guard);
      resolve({ acked, delayMs, signal });
    });
  });
}

describe('SqliteStore under kill -9', () => {
  it('keeps every acknowledged append, contiguous, when the writer is SIGKILLed at random moments', async () => {
    let totalAcked = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const file = path.join(root, `round-${round}`, 'store.db');
      const setup = new SqliteStore(file);
      for (const id of SESSIONS) await seedSession(setup, id);
      await setup.close();

      const { acked, delayMs, signal } = await killMidWrite(file);
      expect(signal, `round ${round}: the child must die of the kill, not of an error`).toBe('SIGKILL');

      const store = new SqliteStore(file);
      for (const id of SESSIONS) {
        const seqs = (await store.readLog(id)).map((e) => e.seq);
        const label = `round ${round} (kill after ${delayMs} ms), session ${id}`;
        expect(seqs, `${label}: log is contiguous from 1`).toEqual(seqs.map((_, i) => i + 1));
        const mine = acked.get(id) ?? [];
        const lost = mine.filter((seq) => seq > seqs.length);
        expect(lost, `${label}: acknowledged but missing`).toEqual([]);
        totalAcked += mine.length;
      }
      await store.close();
    }
    // Without acks the test would prove nothing: the child must have written before dying.
    expect(totalAcked).toBeGreaterThan(0);
  }, 120_000);
});
