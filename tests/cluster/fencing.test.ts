import { afterAll, describe, expect, it } from 'vitest';
import { PgSessionLeases } from '../../server/src/cluster/session-leases.ts';
import { PgStore } from '../../server/src/store/pg-store.ts';
import { createTestSchema, type TestSchema } from '../../server/src/store/pg-test-schema.ts';
import { LeaseLostError, SeqConflictError, type LogEntry } from '../../server/src/store/store.ts';
import { seedSession } from '../../server/src/store/store-fixtures.ts';
import { query } from './cluster-rig.ts';

const opened: PgStore[] = [];
const schemas: TestSchema[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  await Promise.all(schemas.map((s) => s.drop()));
});

/** Two nodes on one database, each with its own connections and its own lease holder id. */
async function twoNodes() {
  const schema = await createTestSchema('fencing');
  schemas.push(schema);
  const [a, b] = [await PgStore.open(schema.url), await PgStore.open(schema.url)];
  opened.push(a, b);
  const leases = (store: PgStore, holder: string) =>
    new PgSessionLeases(store.pool, { holder, address: () => `http://${holder}`, ttlMs: 60_000 });
  return { url: schema.url, a, b, leaseA: leases(a, 'node-a'), leaseB: leases(b, 'node-b') };
}

const entry = (seq: number, text: string): LogEntry => ({
  seq,
  at: 1000 + seq,
  actor: { kind: 'facilitator' },
  command: { id: `c-${text}`, type: 'timeline.post', text },
  commandKey: `facilitator:c-${text}`,
});

/** Makes the session's lease look as if its holder stopped renewing it a second ago. */
const expire = (url: string, sessionId: string) =>
  query(url, "UPDATE session_leases SET expires_at = now() - interval '1 second' WHERE session_id = $1", [sessionId]);

describe('session leases on PostgreSQL', () => {
  it('lets one node hold a session until its lease expires, then another, with a new epoch', async () => {
    const { url, a, leaseA, leaseB } = await twoNodes();
    await seedSession(a, 's1');
    expect(await leaseA.take('s1')).toEqual({ epoch: 1 });
    expect(await leaseA.take('s1')).toEqual({ epoch: 1 });
    expect(await leaseB.take('s1')).toEqual({ heldBy: 'node-a', address: 'http://node-a' });
    expect(await leaseB.orphans(10)).toEqual([]);
    await expire(url, 's1');
    expect(await leaseB.orphans(10)).toEqual(['s1']);
    expect(await leaseB.take('s1')).toEqual({ epoch: 2 });
    // The old holder finds out at its next renewal.
    expect([...(await leaseA.renew(['s1']))]).toEqual([]);
    expect([...(await leaseB.renew(['s1']))]).toEqual(['s1']);
    // A released lease is free at once, and no orphan; taking it bumps the epoch again.
    await leaseB.release('s1', 2);
    expect(await leaseA.orphans(10)).toEqual([]);
    expect(await leaseA.take('s1')).toEqual({ epoch: 3 });
  });

  it('lets only one of two nodes that both believe they hold a session append to it', async () => {
    const { url, a, b, leaseA, leaseB } = await twoNodes();
    await seedSession(a, 's1');
    const first = await leaseA.take('s1');
    if (!('epoch' in first)) throw new Error('node a must take the free lease');
    await a.append('s1', [entry(1, 'a1')], first.epoch);
    // Node a stalls (a long pause, a partition) past its lease; node b takes the session over.
    await expire(url, 's1');
    const second = await leaseB.take('s1');
    if (!('epoch' in second)) throw new Error('node b must take the expired lease');

    // Both now append the next step at once, each under the epoch it believes in.
    const [fromA, fromB] = await Promise.allSettled([
      a.append('s1', [entry(2, 'a2')], first.epoch),
      b.append('s1', [entry(2, 'b2')], second.epoch),
    ]);
    expect(fromB.status).toBe('fulfilled');
    // Refused by the seq b took, or by its stale epoch, whichever PostgreSQL checks first.
    const reason: unknown = fromA.status === 'rejected' ? fromA.reason : null;
    expect(reason instanceof LeaseLostError || reason instanceof SeqConflictError, String(reason)).toBe(true);
    // Even at a seq nobody took, the stale holder is fenced off by its epoch.
    await expect(a.append('s1', [entry(3, 'a3')], first.epoch)).rejects.toBeInstanceOf(LeaseLostError);
    await b.append('s1', [entry(3, 'b3')], second.epoch);
    // In a group commit with other sessions' appends too: only the stale batch is refused.
    await seedSession(a, 's2');
    const other = await leaseA.take('s2');
    if (!('epoch' in other)) throw new Error('node a must take s2');
    const grouped = await Promise.allSettled([
      a.append('s1', [entry(4, 'a4')], first.epoch),
      a.append('s2', [entry(1, 's2-1')], other.epoch),
    ]);
    expect(grouped.map((g) => g.status)).toEqual(['rejected', 'fulfilled']);

    const log = await b.readLog('s1');
    expect(log.map((e) => e.commandKey)).toEqual(['facilitator:c-a1', 'facilitator:c-b2', 'facilitator:c-b3']);
  });
});
