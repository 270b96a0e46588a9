/**
 * Cluster benchmark (issue 16, "Measure"), one run on this machine and the test PostgreSQL:
 *  1. the load bench's step (S sessions × P players, real sockets, one command per session every
 *     200–500 ms) against one node on PostgreSQL and against three nodes behind a round-robin TCP
 *     balancer, same sessions and players: p50/p99 and errors each, ratios against one node;
 *  2. failover: K times, kill -9 the node holding most leases while sessions play, and time until
 *     every session it held acknowledges a command again (median of the K);
 *  3. durable appends per second on PostgreSQL from many sessions at once, with the lease fence
 *     (every append checks its epoch) and without it, against the 5,000/s.
 * Prints medians and ratios; asserts nothing about time.
 *
 *   npm run bench:cluster [-- --quick] [-- --sessions <n>] [-- --players <n>] [-- --kills <n>] [-- --json]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { CommandAck } from '@chaos-quest/engine';
import { PgSessionLeases } from '../../server/src/cluster/session-leases.ts';
import { PgStore } from '../../server/src/store/pg-store.ts';
import { createTestSchema, type TestSchema } from '../../server/src/store/pg-test-schema.ts';
import { seedSession } from '../../server/src/store/store-fixtures.ts';
import type { LogEntry } from '../../server/src/store/store.ts';
import { Balancer } from '../cluster/balancer.ts';
import { busiestNode, startNode } from '../cluster/cluster-rig.ts';
import { FaultTable } from '../faults/fault-table.ts';
import type { ListeningChild } from './lib/child-process.ts';
import { runStep, type StepResult } from './lib/load-step.ts';
import { openChaosTable, type LoadTarget } from './lib/load-target.ts';
import { median, printTable } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string' },
    players: { type: 'string' },
    kills: { type: 'string' },
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const SESSIONS = Number(values.sessions ?? (values.quick ? 10 : 20));
const PLAYERS = Number(values.players ?? (values.quick ? 5 : 10));
const KILLS = Number(values.kills ?? (values.quick ? 2 : 5));
const APPEND_SESSIONS = 100;
const APPENDS_PER_SESSION = 50;
const schemas: TestSchema[] = [];

/** `nodes` node processes on a fresh schema behind a balancer, as one load target. */
async function clusterTarget(nodes: number): Promise<LoadTarget & { nodes: ListeningChild[]; balancer: Balancer }> {
  const schema = await createTestSchema(`bench_cluster_${nodes}`);
  schemas.push(schema);
  const children: ListeningChild[] = [];
  for (let i = 0; i < nodes; i++) children.push(await startNode(schema.url, 200));
  const balancer = await Balancer.start(children.map((c) => c.port));
  const first = children[0] as ListeningChild;
  return {
    name: `${nodes} node${nodes > 1 ? 's' : ''}`,
    // Sockets go through the balancer; server CPU and memory figures are the first node's.
    child: { ...first, url: balancer.url },
    nodes: children,
    balancer,
    openTables: async (count, players) => {
      const seats = [];
      for (let i = 0; i < count; i++)
        seats.push(await openChaosTable((children[i % nodes] as ListeningChild).url, i, players));
      return seats;
    },
    async close() {
      await balancer.close();
      await Promise.all(children.map((c) => c.stop()));
    },
  };
}

async function loadStep(nodes: number): Promise<StepResult> {
  const target = await clusterTarget(nodes);
  try {
    return await runStep(target, {
      sessions: SESSIONS,
      players: PLAYERS,
      warmupMs: 3000,
      measureMs: 15_000,
      intervalMs: [200, 500],
      seed: 'cluster',
    });
  } finally {
    await target.close();
  }
}

/** Kill -9 the busiest node while tables play; ms until each session it held acknowledges again. */
async function failovers(): Promise<number[]> {
  const target = await clusterTarget(3);
  const schema = schemas.at(-1) as TestSchema;
  const times: number[] = [];
  try {
    for (let kill = 0; kill < KILLS; kill++) {
      const tables: FaultTable[] = [];
      for (let i = 0; i < 6; i++)
        tables.push(
          await FaultTable.open((target.nodes[i % 3] as ListeningChild).url, `k${kill}-${i}`, 2, target.balancer.url),
        );
      for (const table of tables) table.play(`kill-${kill}`, 100, 200);
      await new Promise((r) => setTimeout(r, 1000));
      const busiest = await busiestNode(schema.url);
      const victim = target.nodes.find((n) => n.port === busiest.port) as ListeningChild;
      const affected = tables.filter((t) => busiest.sessions.includes(t.sessionId));
      const killedAt = performance.now();
      await victim.kill();
      target.balancer.ports = target.nodes.filter((n) => n !== victim).map((n) => n.port);
      await Promise.all(affected.map((t) => untilAccepted(t)));
      times.push(performance.now() - killedAt);
      for (const table of tables) table.close();
      // Back to three nodes for the next kill.
      target.nodes[target.nodes.indexOf(victim)] = await startNode(schema.url, 200);
      target.balancer.ports = target.nodes.map((n) => n.port);
    }
  } finally {
    await target.close();
  }
  return times;
}

/** Resolves once the table's facilitator gets a command acknowledged (polling every 100 ms, 60 s at most). */
async function untilAccepted(table: FaultTable): Promise<void> {
  const deadline = performance.now() + 60_000;
  for (let n = 0; performance.now() < deadline; n++) {
    const ack: CommandAck | null = await table.facilitator.send(
      { id: `probe-${n}`, type: 'timeline.post', text: 'Still there?' },
      1000,
    );
    if (ack?.ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`session ${table.sessionId} did not accept commands within 60 s of the kill`);
}

/** Appends per second from APPEND_SESSIONS sessions at once, each awaiting its previous append. */
async function appendsPerSecond(fenced: boolean): Promise<number> {
  const schema = await createTestSchema('bench_cluster_appends');
  schemas.push(schema);
  const store = await PgStore.open(schema.url);
  const leases = new PgSessionLeases(store.pool, { holder: 'bench', address: () => null, ttlMs: 600_000 });
  const ids = Array.from({ length: APPEND_SESSIONS }, (_, i) => `s${i}`);
  const epochs = new Map<string, number>();
  for (const id of ids) {
    await seedSession(store, id);
    const lease = await leases.take(id);
    if ('epoch' in lease) epochs.set(id, lease.epoch);
  }
  const start = performance.now();
  await Promise.all(
    ids.map(async (id) => {
      for (let seq = 1; seq <= APPENDS_PER_SESSION; seq++)
        await store.append(id, [entry(seq)], fenced ? epochs.get(id) : undefined);
    }),
  );
  const rate = (APPEND_SESSIONS * APPENDS_PER_SESSION) / ((performance.now() - start) / 1000);
  await store.close();
  return rate;
}

const entry = (seq: number): LogEntry => ({
  seq,
  at: 1000 + seq,
  actor: { kind: 'facilitator' },
  command: { id: `c${seq}`, type: 'timeline.post', text: 'The error rate holds at 18%.' },
  commandKey: `facilitator:c${seq}`,
});

async function main(): Promise<void> {
  const one = await loadStep(1);
  const three = await loadStep(3);
  const kills = await failovers();
  const fenced = median([await appendsPerSecond(true), await appendsPerSecond(true), await appendsPerSecond(true)]);
  const open = median([await appendsPerSecond(false), await appendsPerSecond(false), await appendsPerSecond(false)]);
  const r = (x: number) => Math.round(x * 100) / 100;
  const figures = {
    sessions: SESSIONS,
    players: PLAYERS,
    oneNode: { p50Ms: one.p50Ms, p99Ms: one.p99Ms, errors: one.errors, commands: one.commands, failure: one.failure },
    threeNodes: {
      p50Ms: three.p50Ms,
      p99Ms: three.p99Ms,
      errors: three.errors,
      commands: three.commands,
      failure: three.failure,
    },
    threeOverOneP50: r(three.p50Ms / one.p50Ms),
    threeOverOneP99: r(three.p99Ms / one.p99Ms),
    failoverMs: kills.map(Math.round),
    failoverMedianMs: Math.round(median(kills)),
    failoverOverTarget: r(median(kills) / 10_000),
    fencedAppendsPerSec: Math.round(fenced),
    unfencedAppendsPerSec: Math.round(open),
    fencedOverUnfenced: r(fenced / open),
    fencedOverTarget: r(fenced / 5000),
  };
  if (values.json) return console.log(JSON.stringify(figures));
  const row = (s: StepResult) =>
    `${s.p50Ms} / ${s.p99Ms} ms, ${s.errors} errors ${JSON.stringify(s.errorKinds)}, ${s.commands} commands, ` +
    `${s.serverCpuMsPerCommand} ms CPU a command (first node)`;
  printTable(
    `Load: ${SESSIONS} sessions × ${PLAYERS} players on PostgreSQL (p50 / p99, send → every player has the view)`,
    [
      ['one node', row(one)],
      ['three nodes behind a round-robin balancer', row(three)],
      ['three ÷ one, p50 / p99', `${figures.threeOverOneP50} / ${figures.threeOverOneP99}`],
    ],
  );
  printTable('Failover: kill -9 of the busiest of three nodes → every session it held accepts commands', [
    ['each kill', figures.failoverMs.map((ms) => `${ms} ms`).join(', ')],
    ['median', `${figures.failoverMedianMs} ms`],
    ['median ÷ 10 s target', `${figures.failoverOverTarget}`],
  ]);
  printTable(`Durable appends on PostgreSQL, ${APPEND_SESSIONS} sessions at once (median of 3)`, [
    ['with the lease fence', `${figures.fencedAppendsPerSec} /s`],
    ['without it', `${figures.unfencedAppendsPerSec} /s`],
    ['fenced ÷ unfenced', `${figures.fencedOverUnfenced}`],
    ['fenced ÷ 5,000/s target', `${figures.fencedOverTarget}`],
  ]);
}

main()
  .finally(() => Promise.all(schemas.map((s) => s.drop())))
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
