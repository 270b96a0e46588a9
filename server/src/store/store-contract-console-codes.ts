import { describe, expect, it } from 'vitest';
import type { ConsoleCodeRow, ConsoleKind, Store } from './store.ts';
import { seedSession } from './store-fixtures.ts';

const NOW = 1_700_000_000_000;
const TTL = 600_000;

const code = (sessionId: string, kind: ConsoleKind, codeHash: string, expiresAt = NOW + TTL): ConsoleCodeRow => ({
  sessionId,
  kind,
  codeHash,
  expiresAt,
});

/** The console-code part of the store contract; `current` gives the test's fresh store. */
export function consoleCodeContract(current: () => Store): void {
  describe('console codes', () => {
    it('opens its seat once, and nothing for an unknown hash', async () => {
      const store = current();
      await seedSession(store, 's1');
      await store.issueConsoleCode(code('s1', 'facilitator', 'h1'), NOW);
      expect(await store.redeemConsoleCode('unknown', NOW)).toBeNull();
      expect(await store.redeemConsoleCode('h1', NOW + 1)).toEqual({ sessionId: 's1', kind: 'facilitator' });
      expect(await store.redeemConsoleCode('h1', NOW + 2)).toBeNull();
    });

    it('opens nothing once expired, and an expired code is spent by the try', async () => {
      const store = current();
      await seedSession(store, 's1');
      await store.issueConsoleCode(code('s1', 'co-facilitator', 'h1', NOW + TTL), NOW);
      expect(await store.redeemConsoleCode('h1', NOW + TTL)).toBeNull();
      await store.issueConsoleCode(code('s1', 'co-facilitator', 'h2', NOW + TTL), NOW);
      expect(await store.redeemConsoleCode('h2', NOW + TTL - 1)).toEqual({ sessionId: 's1', kind: 'co-facilitator' });
    });

    it('replaces the session’s code of the same kind only', async () => {
      const store = current();
      await seedSession(store, 's1');
      await seedSession(store, 's2');
      await store.issueConsoleCode(code('s1', 'facilitator', 'old'), NOW);
      await store.issueConsoleCode(code('s1', 'co-facilitator', 'co'), NOW);
      await store.issueConsoleCode(code('s2', 'facilitator', 'other'), NOW);
      await store.issueConsoleCode(code('s1', 'facilitator', 'new'), NOW + 1);
      expect(await store.redeemConsoleCode('old', NOW + 2)).toBeNull();
      expect(await store.redeemConsoleCode('new', NOW + 2)).toEqual({ sessionId: 's1', kind: 'facilitator' });
      expect(await store.redeemConsoleCode('co', NOW + 2)).toEqual({ sessionId: 's1', kind: 'co-facilitator' });
      expect(await store.redeemConsoleCode('other', NOW + 2)).toEqual({ sessionId: 's2', kind: 'facilitator' });
    });

    it('revokes the session’s waiting code of one kind, and revoking none is no error', async () => {
      const store = current();
      await seedSession(store, 's1');
      await store.issueConsoleCode(code('s1', 'facilitator', 'fac'), NOW);
      await store.issueConsoleCode(code('s1', 'co-facilitator', 'co'), NOW);
      await store.revokeConsoleCode('s1', 'co-facilitator');
      await store.revokeConsoleCode('s1', 'co-facilitator');
      await store.revokeConsoleCode('nope', 'facilitator');
      expect(await store.redeemConsoleCode('co', NOW)).toBeNull();
      expect(await store.redeemConsoleCode('fac', NOW)).toEqual({ sessionId: 's1', kind: 'facilitator' });
    });

    it('gives the seat to exactly one of two redeems of the same code at once', async () => {
      const store = current();
      await seedSession(store, 's1');
      for (let round = 0; round < 5; round++) {
        await store.issueConsoleCode(code('s1', 'facilitator', `h${round}`), NOW);
        const results = await Promise.all([
          store.redeemConsoleCode(`h${round}`, NOW),
          store.redeemConsoleCode(`h${round}`, NOW),
        ]);
        expect(results.filter((r) => r !== null)).toEqual([{ sessionId: 's1', kind: 'facilitator' }]);
      }
    });

    it('refuses an unknown session and a hash another live code holds; expired codes are swept, freeing theirs', async () => {
      const store = current();
      await seedSession(store, 's1');
      await seedSession(store, 's2');
      await expect(store.issueConsoleCode(code('nope', 'facilitator', 'x'), NOW)).rejects.toThrow(/does not exist/);
      await store.issueConsoleCode(code('s1', 'facilitator', 'shared', NOW + 10), NOW);
      await expect(store.issueConsoleCode(code('s2', 'facilitator', 'shared'), NOW)).rejects.toThrow(/already in use/);
      // Once s1's code has expired, the next issue sweeps it and its hash is free.
      await store.issueConsoleCode(code('s2', 'co-facilitator', 'shared'), NOW + 10);
      expect(await store.redeemConsoleCode('shared', NOW + 11)).toEqual({ sessionId: 's2', kind: 'co-facilitator' });
    });
  });
}
