import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { ListeningChild } from '../bench/lib/child-process.ts';
import type { FaultTable } from './fault-table.ts';

export interface FaultRig {
  /** A fresh data directory for the server child. */
  dir: string;
  /** Tables to close when the file's tests end. */
  tables: FaultTable[];
  /** Makes `server` the child to stop when the file's tests end (replacing any earlier one). */
  track(server: ListeningChild): ListeningChild;
}

/** What every fault test file sets up and tears down: a data dir, its tables, its server child. */
export function faultRig(prefix: string): FaultRig {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const tables: FaultTable[] = [];
  let server: ListeningChild | null = null;
  afterAll(async () => {
    for (const table of tables) table.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { dir, tables, track: (child) => (server = child) };
}
