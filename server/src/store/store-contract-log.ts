import { describe, expect, it } from 'vitest';
import { DuplicateCommandError, SeqConflictError, type LogEntry, type Store } from './store.ts';
import { entries, entry, seedSession } from './store-fixtures.ts';

/** The event-log part of the store contract; `current` gives the test's fresh store. */
export function logContract(current: () => Store): void {
  describe('event log', () => {
    it('reads back appended entries in seq order, whole or after a seq', async () => {
      const store = current();
      await seedSession(store, 's1');
      await store.append('s1', entries(1, 3));
      await store.append('s1', [entry(4)]);
      await store.append('s1', entries(5, 6));
      expect(await store.readLog('s1')).toEqual(entries(1, 6));
      expect(await store.readLog('s1', 4)).toEqual(entries(5, 6));
      expect(await store.readLog('s1', 6)).toEqual([]);
      expect(await store.readLog('unknown')).toEqual([]);
    });

    it('keeps each session its own log', async () => {
      const store = current();
      await seedSession(store, 's1');
      await seedSession(store, 's2');
      await Promise.all([store.append('s1', entries(1, 2)), store.append('s2', entries(1, 3))]);
      expect(await store.readLog('s1')).toEqual(entries(1, 2));
      expect(await store.readLog('s2')).toEqual(entries(1, 3));
    });

    it('rejects a taken seq with SeqConflictError and writes nothing of that batch', async () => {
      const store = current();
      await seedSession(store, 's1');
      await store.append('s1', entries(1, 4));
      const clash = [entry(3, 'player:p1:fresh-3'), entry(4, 'player:p1:fresh-4'), entry(5, 'player:p1:fresh-5')];
      const error = await store.append('s1', clash).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SeqConflictError);
      expect(error).toMatchObject({ sessionId: 's1', seq: 3 });
      await expect(store.append('s1', [entry(4, 'player:p1:x'), entry(5, 'player:p1:y')])).rejects.toMatchObject({
        seq: 4,
      });
      expect(await store.readLog('s1')).toEqual(entries(1, 4));
      expect(await store.findCommand('s1', 'player:p1:fresh-5')).toBeNull();
    });

    it('lets exactly one of two racing appends take a seq', async () => {
      const store = current();
      await seedSession(store, 's1');
      const results = await Promise.allSettled([
        store.append('s1', [entry(1, 'a:1')]),
        store.append('s1', [entry(1, 'b:1')]),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = results.find((r) => r.status === 'rejected');
      expect(rejected?.reason).toBeInstanceOf(SeqConflictError);
      expect(await store.readLog('s1')).toHaveLength(1);
    });

    it('rejects only the conflicting append among many arriving together', async () => {
      const store = current();
      const ids = ['s1', 's2', 's3', 's4'];
      for (const id of ids) await seedSession(store, id);
      await store.append('s3', [entry(1)]);
      const results = await Promise.allSettled(ids.map((id) => store.append(id, entries(1, 2))));
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      for (const id of ['s1', 's2', 's4']) expect(await store.readLog(id)).toEqual(entries(1, 2));
      expect(await store.readLog('s3')).toEqual([entry(1)]);
    });

    it('finds an appended command by its key and refuses the same key again', async () => {
      const store = current();
      await seedSession(store, 's1');
      await store.append('s1', [entry(1, 'player:p1:retry-me')]);
      expect(await store.findCommand('s1', 'player:p1:retry-me')).toBe(1);
      expect(await store.findCommand('s1', 'player:p1:never-sent')).toBeNull();
      const error = await store.append('s1', [entry(2, 'player:p1:retry-me')]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DuplicateCommandError);
      expect(error).toBeInstanceOf(SeqConflictError);
      expect(error).toMatchObject({ sessionId: 's1', seq: 2, commandKey: 'player:p1:retry-me' });
      expect(await store.readLog('s1')).toHaveLength(1);
    });

    it('scopes command keys to their session', async () => {
      const store = current();
      await seedSession(store, 's1');
      await seedSession(store, 's2');
      await store.append('s1', [entry(1, 'facilitator:same')]);
      await store.append('s2', [entry(1, 'facilitator:same')]);
      expect(await store.findCommand('s2', 'facilitator:same')).toBe(1);
      expect(await store.findCommand('s1', 'facilitator:other')).toBeNull();
    });

    it('refuses a batch with gaps, repeated keys or a malformed entry, writing none of it', async () => {
      const store = current();
      await seedSession(store, 's1');
      await expect(store.append('s1', [entry(1), entry(3)])).rejects.toThrow(/consecutive/);
      await expect(store.append('s1', [entry(1, 'k'), entry(2, 'k')])).rejects.toThrow(/twice/);
      const bad = { ...entry(1), command: { id: 'c1', type: 'no.such.command' } } as unknown as LogEntry;
      await expect(store.append('s1', [bad])).rejects.toThrow(/session s1 seq 1/);
      await expect(store.append('s1', [{ ...entry(1), at: 1.5 }])).rejects.toThrow(/session s1 seq 1/);
      expect(await store.readLog('s1')).toEqual([]);
    });

    it('refuses an append to an unknown session without calling it a conflict', async () => {
      const store = current();
      const error = await store.append('nope', [entry(1)]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(SeqConflictError);
      expect((error as Error).message).toMatch(/does not exist/);
    });

    it('accepts an empty batch as a no-op', async () => {
      const store = current();
      await seedSession(store, 's1');
      await store.append('s1', []);
      expect(await store.readLog('s1')).toEqual([]);
    });

    it('commits an append still pending when the store closes, then refuses further calls', async () => {
      const store = current();
      await seedSession(store, 's1');
      const pending = store.append('s1', entries(1, 2));
      await store.close();
      await expect(pending).resolves.toBeUndefined();
      await expect(store.readLog('s1')).rejects.toThrow(/closed/);
      await expect(store.append('s1', [entry(3)])).rejects.toThrow(/closed/);
    });
  });
}
