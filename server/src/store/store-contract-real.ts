import { realIncident } from '@chaos-quest/engine/testing';
import { describe, expect, it } from 'vitest';
import type { Store } from './store.ts';

/** The real-incident part of the store contract; `current` gives the test's fresh store. */
export function realIncidentContract(current: () => Store): void {
  describe('real incidents', () => {
    it('adds new incidents in import order and counts only the new ones, so importing twice adds nothing', async () => {
      const store = current();
      const first = [
        realIncident({ start: 1, key: 'generic:a' }),
        realIncident({ start: 2, key: 'generic:b', service: 'dns' }),
      ];
      expect(await store.addRealIncidents(first)).toBe(2);
      expect(await store.addRealIncidents(first)).toBe(0);
      const changed = realIncident({ start: 9, key: 'generic:a', title: 'edited' });
      expect(await store.addRealIncidents([changed, realIncident({ start: 3, key: 'generic:c' })])).toBe(1);
      expect((await store.listRealIncidents()).map((r) => [r.key, r.title])).toEqual([
        ['generic:a', 'Checkout errors'],
        ['generic:b', 'Checkout errors'],
        ['generic:c', 'Checkout errors'],
      ]);
    });

    it('keeps real incidents apart from practice records and refuses a keyless one', async () => {
      const store = current();
      await store.addRealIncidents([realIncident({ start: 1, key: 'k1' })]);
      expect(await store.listIncidentRecords()).toEqual([]);
      await expect(store.addRealIncidents([realIncident({ start: 1, key: '' })])).rejects.toThrow(/with a key/);
      expect(await store.listRealIncidents()).toHaveLength(1);
    });
  });
}
