import path from 'node:path';
import { afterAll } from 'vitest';
import { PgStore } from '../../server/src/store/pg-store.ts';
import { createTestSchema, testQuery, type TestSchema } from '../../server/src/store/pg-test-schema.ts';
import { REPO, spawnListening, type ListeningChild } from '../bench/lib/child-process.ts';
import { BENCH_SCENARIOS } from '../bench/lib/load-target.ts';
import type { FaultTable } from '../faults/fault-table.ts';
import { Balancer } from './balancer.ts';

export const CLUSTER_SECRET = 'cluster-test-secret-0123456789';

/** Starts one node as a child process on `databaseUrl` (see node-child.ts). */
export function startNode(databaseUrl: string, snapshotEvery = 10): Promise<ListeningChild> {
  return spawnListening(path.join(REPO, 'tests', 'cluster', 'node-child.ts'), [
    '--database',
    databaseUrl,
    '--scenarios',
    BENCH_SCENARIOS,
    '--secret',
    CLUSTER_SECRET,
    '--snapshot-every',
    String(snapshotEvery),
  ]);
}

export interface ClusterRig {
  schema: TestSchema;
  nodes: ListeningChild[];
  balancer: Balancer;
  tables: FaultTable[];
  /** A store on the cluster's database, for audits (the test's own connections). */
  store: PgStore;
}

/**
 * `count` nodes on a fresh schema behind a round-robin balancer; everything is stopped, closed and
 * dropped when the file's tests end. The database URL is `through(url)` when given (a cuttable proxy).
 */
export async function startCluster(
  prefix: string,
  count: number,
  through: (url: string) => string = (url) => url,
): Promise<ClusterRig> {
  const schema = await createTestSchema(prefix);
  const rig: ClusterRig = {
    schema,
    nodes: [],
    balancer: null as unknown as Balancer,
    tables: [],
    store: null as unknown as PgStore,
  };
  afterAll(async () => {
    for (const table of rig.tables) table.close();
    await Promise.all(rig.nodes.map((n) => n.stop(3000)));
    await rig.balancer?.close();
    await rig.store?.close();
    await schema.drop();
  });
  rig.store = await PgStore.open(schema.url);
  // One at a time: the first migrates, and the machine is shared with other tests.
  for (let i = 0; i < count; i++) rig.nodes.push(await startNode(through(schema.url)));
  rig.balancer = await Balancer.start(rig.nodes.map((n) => n.port));
  return rig;
}

/** Rows of the cluster's database, by the test's own connection. */
export const query = testQuery;

/** The node (by port) holding the most session leases, and which sessions it holds. */
export async function busiestNode(url: string): Promise<{ port: number; sessions: string[] }> {
  const rows = await query<{ address: string; session_id: string }>(
    url,
    "SELECT address, session_id FROM session_leases WHERE holder <> '' AND expires_at > now()",
  );
  const by = new Map<string, string[]>();
  for (const row of rows) by.set(row.address, [...(by.get(row.address) ?? []), row.session_id]);
  const [address, sessions] = [...by].sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
  return { port: Number(new URL(address || 'http://x:0').port), sessions };
}
