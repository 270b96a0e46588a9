import { changeStatusIn, retestedBy, type TrackedAction } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import type { Store } from './store.ts';
import { seedSession } from './store-fixtures.ts';

/** An open corrective action of `sessionId`, as the engine tracks it. */
export function trackedAction(
  key: string,
  sessionId: string,
  team: string,
  objective: string | null = 'detect',
): TrackedAction {
  return {
    key,
    sessionId,
    team,
    scenarioId: 'dns-ttl-trap',
    issue: 'Detection was slow',
    action: 'Add a resolver alert',
    objective,
    objectiveTitle: objective,
    element: 'equipment',
    priority: 'high',
    owner: 'Platform lead',
    organisation: 'Platform',
    start: '2026-11-30',
    due: '2027-01-31',
    createdAt: 1_000,
    status: 'open',
    reason: null,
    statusAt: null,
    retest: null,
  };
}

/** The exercise part of the store contract: evaluator seats and corrective actions across sessions. */
export function exerciseContract(current: () => Store): void {
  describe('evaluator seats', () => {
    it('opens an evaluator seat or an evaluator code by its hash, and nothing for an unknown one', async () => {
      const store = current();
      await seedSession(store, 's1');
      await store.addEvaluatorToken('s1', null, 'code-hash');
      await store.addEvaluatorToken('s1', 'e1', 'seat-hash');
      expect(await store.findEvaluatorSeat('code-hash')).toEqual({ sessionId: 's1', evaluatorId: null });
      expect(await store.findEvaluatorSeat('seat-hash')).toEqual({ sessionId: 's1', evaluatorId: 'e1' });
      expect(await store.findEvaluatorSeat('other')).toBeNull();
      // An evaluator's token opens no facilitator or player seat.
      expect(await store.findSeat('seat-hash')).toBeNull();
      await expect(store.addEvaluatorToken('nope', 'e2', 'h2')).rejects.toThrow(/does not exist/);
      await expect(store.addEvaluatorToken('s1', 'e3', 'seat-hash')).rejects.toThrow();
    });
  });

  describe('corrective actions', () => {
    it('lists a team’s actions across sessions in the order first stored; storing again replaces in place', async () => {
      const store = current();
      await seedSession(store, 's1', { team: 'blue' });
      await seedSession(store, 's2', { team: 'red', joinCode: 'RED222' });
      const a = trackedAction('s1.ca1', 's1', 'blue');
      const b = trackedAction('s1.ca2', 's1', 'blue', null);
      await store.putCorrectiveActions([a, b, trackedAction('s2.ca1', 's2', 'red')]);
      await store.putCorrectiveActions([{ ...a, status: 'done', statusAt: 2_000 }]);
      const blue = await store.listCorrectiveActions('blue');
      expect(blue.map((x) => [x.key, x.status])).toEqual([
        ['s1.ca1', 'done'],
        ['s1.ca2', 'open'],
      ]);
      expect((await store.listCorrectiveActions('red')).map((x) => x.key)).toEqual(['s2.ca1']);
      expect(await store.listCorrectiveActions('green')).toEqual([]);
    });

    it('stores nothing of a batch that names an unknown session', async () => {
      const store = current();
      await seedSession(store, 's1', { team: 'blue' });
      await expect(
        store.putCorrectiveActions([trackedAction('s1.ca1', 's1', 'blue'), trackedAction('x.ca1', 'nope', 'blue')]),
      ).rejects.toThrow();
      expect(await store.listCorrectiveActions('blue')).toEqual([]);
    });

    it('keeps a status change and a later run’s retest through the store', async () => {
      const store = current();
      await seedSession(store, 's1', { team: 'blue' });
      await seedSession(store, 's2', { team: 'blue', joinCode: 'BLUE22' });
      await store.putCorrectiveActions([
        trackedAction('s1.ca1', 's1', 'blue'),
        trackedAction('s1.ca2', 's1', 'blue', 'other'),
      ]);
      const changed = changeStatusIn(
        await store.listCorrectiveActions('blue'),
        's1.ca2',
        { status: 'wont-do', reason: 'Replaced by a vendor tool' },
        3_000,
      );
      if (!changed.ok) throw new Error(changed.error.message);
      await store.putCorrectiveActions(changed.actions);
      const retested = retestedBy(await store.listCorrectiveActions('blue'), {
        sessionId: 's2',
        team: 'blue',
        createdAt: 5_000,
        at: 6_000,
        ratings: new Map([['detect', 'S' as const]]),
      });
      await store.putCorrectiveActions(retested);
      const after = await store.listCorrectiveActions('blue');
      expect(
        after.map((x) => [x.key, x.status, x.reason, x.retest?.sessionId ?? null, x.retest?.rating ?? null]),
      ).toEqual([
        ['s1.ca1', 'open', null, 's2', 'S'],
        ['s1.ca2', 'wont-do', 'Replaced by a vendor tool', null, null],
      ]);
    });
  });
}
