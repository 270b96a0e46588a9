import path from 'node:path';
import { REPO, spawnListening, type ListeningChild } from '../bench/lib/child-process.ts';
import { BENCH_SCENARIOS } from '../bench/lib/load-target.ts';

/** The SQLite file a server child on `dataDir` writes. */
export const storeFile = (dataDir: string) => path.join(dataDir, 'chaos-quest.sqlite');

/**
 * The real server in a child process on `dataDir` (SQLite), playing the bench scenario, on
 * 127.0.0.1 at `port` (0 for any free one). Snapshots every `snapshotEvery` commands, so a
 * restart exercises recovery from a snapshot plus the log after it. Rejects if it cannot start.
 */
export function startServerProcess(dataDir: string, port = 0, snapshotEvery = 10): Promise<ListeningChild> {
  return spawnServer(dataDir, port, snapshotEvery);
}

/**
 * Like startServerProcess, on a port below the kernel's ephemeral range (32768 and up), so that
 * after a kill no other test's port-0 server can take the port before the restart does. Tries a
 * few random ports; rejects if none is free.
 */
export async function startServerProcessForRestarts(dataDir: string): Promise<ListeningChild> {
  for (let attempt = 1; ; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    try {
      return await spawnServer(dataDir, port, 10);
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

function spawnServer(dataDir: string, port: number, snapshotEvery: number): Promise<ListeningChild> {
  return spawnListening(path.join(REPO, 'tests', 'bench', 'lib', 'server-child.ts'), [
    '--data',
    dataDir,
    '--scenarios',
    BENCH_SCENARIOS,
    '--port',
    String(port),
    '--snapshot-every',
    String(snapshotEvery),
  ]);
}
