import type { RunAnnotation } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import type { Store } from './store.ts';
import { seedSession } from './store-fixtures.ts';

const annotation = (sessionId: string, over: Partial<RunAnnotation> = {}): RunAnnotation => ({
  sessionId,
  note: 'The SRE seat was empty',
  excluded: true,
  reason: 'training run for new hires',
  at: 1_700_000_100_000,
  ...over,
});

/** Run annotations and read-only links, part of the store contract; `current` gives the test's fresh store. */
export function runContract(current: () => Store): void {
  describe('run annotations', () => {
    it('keeps one annotation per run, replaced by the next, with the reason a run is left out', async () => {
      const store = current();
      await seedSession(store, 's1');
      await seedSession(store, 's2');
      await store.putRunAnnotation(annotation('s1'));
      await store.putRunAnnotation(annotation('s2', { note: null, excluded: false, reason: null }));
      await store.putRunAnnotation(
        annotation('s1', { note: 'counted after all', excluded: false, reason: null, at: 2 }),
      );
      const list = (await store.listRunAnnotations()).sort((a, b) => a.sessionId.localeCompare(b.sessionId));
      expect(list).toEqual([
        { sessionId: 's1', note: 'counted after all', excluded: false, reason: null, at: 2 },
        { sessionId: 's2', note: null, excluded: false, reason: null, at: 1_700_000_100_000 },
      ]);
      await store.putRunAnnotation(annotation('s2'));
      expect((await store.listRunAnnotations()).find((a) => a.sessionId === 's2')).toEqual(annotation('s2'));
    });

    it('refuses an unknown run, and a run left out without a reason', async () => {
      const store = current();
      await seedSession(store, 's1');
      await expect(store.putRunAnnotation(annotation('nope'))).rejects.toThrow(/nope does not exist/);
      await expect(store.putRunAnnotation(annotation('s1', { reason: ' ' }))).rejects.toThrow(/without a reason/);
      await expect(store.putRunAnnotation(annotation('s1', { reason: null }))).rejects.toThrow(/without a reason/);
      expect(await store.listRunAnnotations()).toEqual([]);
    });
  });

  describe('read-only links', () => {
    it('finds a link by its token hash until it is revoked, and keeps the first revocation time', async () => {
      const store = current();
      await seedSession(store, 's1');
      await store.addReadOnlyLink({ id: 'l1', sessionId: 's1', createdAt: 10 }, 'hash-1');
      await store.addReadOnlyLink({ id: 'l2', sessionId: 's1', createdAt: 20 }, 'hash-2');
      expect(await store.findReadOnlyLink('hash-1')).toEqual({
        id: 'l1',
        sessionId: 's1',
        createdAt: 10,
        revokedAt: null,
      });
      expect(await store.findReadOnlyLink('hash-3')).toBeNull();
      expect(await store.revokeReadOnlyLink('s1', 'l1', 30)).toBe(true);
      expect(await store.revokeReadOnlyLink('s1', 'l1', 40)).toBe(true);
      expect(await store.findReadOnlyLink('hash-1')).toBeNull();
      expect(await store.findReadOnlyLink('hash-2')).toMatchObject({ id: 'l2' });
      expect(await store.listReadOnlyLinks('s1')).toEqual([
        { id: 'l1', sessionId: 's1', createdAt: 10, revokedAt: 30 },
        { id: 'l2', sessionId: 's1', createdAt: 20, revokedAt: null },
      ]);
    });

    it("never revokes another session's link, and refuses an unknown session or a hash in use", async () => {
      const store = current();
      await seedSession(store, 's1');
      await seedSession(store, 's2');
      await store.addReadOnlyLink({ id: 'l1', sessionId: 's1', createdAt: 10 }, 'hash-1');
      expect(await store.revokeReadOnlyLink('s2', 'l1', 30)).toBe(false);
      expect(await store.findReadOnlyLink('hash-1')).not.toBeNull();
      expect(await store.listReadOnlyLinks('s2')).toEqual([]);
      await expect(store.addReadOnlyLink({ id: 'l2', sessionId: 'nope', createdAt: 1 }, 'hash-2')).rejects.toThrow(
        /nope does not exist/,
      );
      await expect(store.addReadOnlyLink({ id: 'l3', sessionId: 's2', createdAt: 1 }, 'hash-1')).rejects.toThrow(
        /already in use/,
      );
    });
  });
}
