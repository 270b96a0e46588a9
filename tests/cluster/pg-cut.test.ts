import { afterAll, describe, expect, it } from 'vitest';
import { TcpProxy } from '../../server/src/store/pg-test-proxy.ts';
import { testDatabaseUrl } from '../../server/src/store/pg-test-schema.ts';
import { FaultTable, until } from '../faults/fault-table.ts';
import { auditSessions, expectedViews } from '../faults/log-audit.ts';
import { startCluster } from './cluster-rig.ts';

const SESSIONS = 4;
/** Shorter than a lease (5 s): the holders keep their sessions across the cut. */
const CUT_MS = 3000;

// The nodes reach PostgreSQL through a proxy the test cuts; the machine's PostgreSQL keeps running.
const proxy = await TcpProxy.start(new URL(testDatabaseUrl()));
afterAll(() => proxy.stop());
const rig = await startCluster('cluster_cut', 2, (url) => proxy.url(url));

describe('two nodes while PostgreSQL is cut off for a few seconds', () => {
  it('refuses commands with a clear error, not a hang, loses nothing acknowledged, and plays on once it is back', async () => {
    const { nodes, balancer, tables } = rig;
    for (let i = 0; i < SESSIONS; i++)
      tables.push(await FaultTable.open(nodes[i % nodes.length]?.url as string, `cut-${i}`, 2, balancer.url));
    for (const table of tables) table.play('before', 60, 150);
    await new Promise((r) => setTimeout(r, 1500));

    const before = tables.map((t) => t.refused.length);
    await proxy.stop();
    const cutAt = Date.now();
    await until(
      'commands are refused while PostgreSQL is away',
      () => tables.every((t, i) => t.refused.length > (before[i] as number)),
      () => tables.map((t) => `${t.refused.length} refused, ${t.unanswered} unanswered`).join('; '),
      CUT_MS,
    );
    const remaining = CUT_MS - (Date.now() - cutAt);
    if (remaining > 0) await new Promise((r) => setTimeout(r, remaining));
    const ackedAtResume = tables.map((t) => t.acked.length);
    await proxy.resume();

    await until(
      'every session acknowledges commands again',
      () => tables.every((t, i) => t.acked.length > (ackedAtResume[i] as number) + 2),
      () => tables.map((t, i) => `${ackedAtResume[i]}→${t.acked.length}`).join(', '),
      20_000,
    );
    for (const table of tables) table.stop();
    await Promise.all(tables.map((t) => t.settled()));

    const refusals = tables.flatMap((t) => t.refused);
    expect(refusals.length).toBeGreaterThan(0);
    for (const refusal of refusals)
      expect(refusal).toEqual({
        ok: false,
        error: { code: 'internal', message: expect.stringMatching(/database is unavailable.*nothing changed/) },
      });
    // Every command got an answer: a refusal is prompt, never a hang past the client's ack timeout.
    expect(tables.map((t) => t.unanswered)).toEqual(tables.map(() => 0));

    const audits = await auditSessions(rig.store, tables);
    for (const audit of audits) {
      expect(audit.lost, `session ${audit.sessionId}: acknowledged but not in the log`).toEqual([]);
      expect(audit.contiguous).toBe(true);
      expect(audit.recoveredHash).toBe(audit.replayHash);
    }
    await until(
      'every client holds its session seq',
      () => tables.every((t, i) => t.convergedAt(audits[i]?.state.seq ?? -1)),
      () => tables.map((t, i) => `${audits[i]?.state.seq}: ${t.describe()}`).join('; '),
      20_000,
    );
    tables.forEach((table, i) =>
      expect(table.clients.map((c) => c.whole)).toEqual(expectedViews(audits[i] as (typeof audits)[number], table)),
    );
  }, 120_000);
});
