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
  return spawnListening(path.join(REPO, 'tests', 'bench', 'lib', 'server-child.ts'), [
    '--data', dataDir, '--scenarios', BENCH_SCENARIOS, '--port', String(port), '--snapshot-every', String(snapshotEvery),
  ]);
}
