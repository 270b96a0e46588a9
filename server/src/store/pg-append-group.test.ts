import { describe, expect, it } from 'vitest';
import { PgAppendGroup, type AppendBatch } from './pg-append-group.ts';

const batch = (sessionId: string): AppendBatch => ({ sessionId, rows: [], epoch: null });

describe('PgAppendGroup', () => {
  it('sends what waits as one statement, and lets each caller run to its end before the next of the group settles', async () => {
    const statements: string[][] = [];
    let release = () => {};
    const group = new PgAppendGroup({
      // The first statement stays in flight until the test lets it go, so the rest wait and group.
      sendOne: (b) => {
        statements.push([b.sessionId]);
        return statements.length === 1 ? new Promise<void>((r) => (release = r)) : Promise.resolve();
      },
      sendGroup: async (batches) => void statements.push(batches.map((b) => b.sessionId)),
      isRefusal: () => false,
      maxInFlight: 1,
      maxRows: 100,
    });
    const order: string[] = [];
    // A caller that goes on through several awaits, as a command's views and ack do after its append.
    const caller = async (id: string) => {
      await group.submit(batch(id));
      order.push(`settled ${id}`);
      for (let hop = 0; hop < 5; hop++) await Promise.resolve();
      order.push(`done ${id}`);
    };
    const callers = ['a', 'b', 'c'].map(caller);
    release();
    await Promise.all(callers);
    await group.settled();
    expect(statements).toEqual([['a'], ['b', 'c']]);
    // The statements' callers may interleave; within the group, each runs to its end in turn.
    expect(order.filter((line) => !line.endsWith(' a'))).toEqual(['settled b', 'done b', 'settled c', 'done c']);
  });
});
