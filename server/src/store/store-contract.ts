import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JoinCodeTakenError, SeqConflictError, type Store } from './store.ts';
import { entries, entry, incident, SCENARIO_HASH, SCENARIO_TEXT, seedSession, sessionRow } from './store-fixtures.ts';
import { consoleCodeContract } from './store-contract-console-codes.ts';
import { logContract } from './store-contract-log.ts';
import { realIncidentContract } from './store-contract-real.ts';
import { exerciseContract } from './store-contract-exercise.ts';
import { runContract } from './store-contract-runs.ts';

/**
 * The behaviour every Store must have, as a vitest suite. Call it from an implementation's test
 * file with a function that opens a fresh, empty store; each test gets its own and closes it.
 */
export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });
    const current = () => store;

    describe('scenario texts', () => {
      it('returns the text stored under its hash, and null for an unknown hash', async () => {
        await store.putScenarioText(SCENARIO_HASH, SCENARIO_TEXT);
        expect(await store.getScenarioText(SCENARIO_HASH)).toBe(SCENARIO_TEXT);
        expect(await store.getScenarioText('0'.repeat(64))).toBeNull();
      });

      it('treats storing the same text twice as a no-op', async () => {
        await store.putScenarioText(SCENARIO_HASH, SCENARIO_TEXT);
        await store.putScenarioText(SCENARIO_HASH, SCENARIO_TEXT);
        expect(await store.getScenarioText(SCENARIO_HASH)).toBe(SCENARIO_TEXT);
      });

      it('rejects a hash that is not the sha256 of the text', async () => {
        await expect(store.putScenarioText(SCENARIO_HASH, `${SCENARIO_TEXT}# edited\n`)).rejects.toThrow(
          /does not match/,
        );
        expect(await store.getScenarioText(SCENARIO_HASH)).toBeNull();
      });
    });

    describe('sessions', () => {
      it('returns a created session exactly as given, and null for an unknown id', async () => {
        const row = await seedSession(store, 's1', { team: 'blue', seed: 'secret-seed' });
        expect(await store.getSession('s1')).toEqual(row);
        expect(await store.getSession('nope')).toBeNull();
      });

      it('refuses a second session with the same id', async () => {
        await seedSession(store, 's1');
        await expect(store.createSession(sessionRow('s1', { joinCode: 'OTHER' }), 'fac-other')).rejects.toThrow(
          /already exists/,
        );
      });

      it('refuses a session whose scenario text was never stored', async () => {
        await expect(store.createSession(sessionRow('s1'), 'fac-s1')).rejects.toThrow(/putScenarioText/);
        expect(await store.getSession('s1')).toBeNull();
      });

      it('finds a session by join code only while it is live', async () => {
        const row = await seedSession(store, 's1', { joinCode: 'ABC234' });
        expect(await store.findLiveSessionByJoinCode('ABC234')).toEqual(row);
        await store.markEnded('s1', 1_700_000_900_000);
        expect(await store.findLiveSessionByJoinCode('ABC234')).toBeNull();
        expect((await store.getSession('s1'))?.endedAt).toBe(1_700_000_900_000);
      });

      it('refuses a join code held by a live session and frees it when that session ends', async () => {
        await seedSession(store, 's1', { joinCode: 'ABC234' });
        await expect(store.createSession(sessionRow('s2', { joinCode: 'ABC234' }), 'fac-s2')).rejects.toBeInstanceOf(
          JoinCodeTakenError,
        );
        await store.markEnded('s1', 1_700_000_900_000);
        await store.createSession(sessionRow('s2', { joinCode: 'ABC234' }), 'fac-s2');
        expect((await store.findLiveSessionByJoinCode('ABC234'))?.id).toBe('s2');
      });

      it('keeps the first end time when a session is ended twice, and rejects an unknown session', async () => {
        await seedSession(store, 's1');
        await store.markEnded('s1', 2000);
        await store.markEnded('s1', 3000);
        expect((await store.getSession('s1'))?.endedAt).toBe(2000);
        await expect(store.markEnded('nope', 2000)).rejects.toThrow(/does not exist/);
      });

      it('lists sessions newest first, filtered by liveness and limited', async () => {
        await seedSession(store, 'old', { createdAt: 1000 });
        await seedSession(store, 'mid', { createdAt: 2000 });
        await seedSession(store, 'new', { createdAt: 3000 });
        await store.markEnded('mid', 4000);
        const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
        expect(ids(await store.listSessions())).toEqual(['new', 'mid', 'old']);
        expect(ids(await store.listSessions({ live: true }))).toEqual(['new', 'old']);
        expect(ids(await store.listSessions({ live: false }))).toEqual(['mid']);
        expect(ids(await store.listSessions({ limit: 2 }))).toEqual(['new', 'mid']);
      });
    });

    describe('tokens', () => {
      it('opens the facilitator seat with the facilitator token and a player seat with a player token', async () => {
        await seedSession(store, 's1');
        await store.addPlayerToken('s1', 'p1', 'tok-p1');
        expect(await store.findSeat('fac-s1')).toEqual({ sessionId: 's1', kind: 'facilitator' });
        expect(await store.findSeat('tok-p1')).toEqual({ sessionId: 's1', kind: 'player', playerId: 'p1' });
        expect(await store.findSeat('tok-unknown')).toBeNull();
      });

      it('stops a revoked player token working and leaves every other seat alone', async () => {
        await seedSession(store, 's1');
        await store.addPlayerToken('s1', 'p1', 'tok-p1');
        await store.addPlayerToken('s1', 'p2', 'tok-p2');
        await store.revokePlayer('s1', 'p1');
        expect(await store.findSeat('tok-p1')).toBeNull();
        expect(await store.findSeat('tok-p2')).toEqual({ sessionId: 's1', kind: 'player', playerId: 'p2' });
        expect(await store.findSeat('fac-s1')).toEqual({ sessionId: 's1', kind: 'facilitator' });
      });

      it('refuses a token or a revocation for an unknown session, and a token hash already in use', async () => {
        await seedSession(store, 's1');
        await store.addPlayerToken('s1', 'p1', 'tok-p1');
        await expect(store.addPlayerToken('nope', 'p1', 'tok-x')).rejects.toThrow(/does not exist/);
        await expect(store.revokePlayer('nope', 'p1')).rejects.toThrow(/does not exist/);
        await expect(store.addPlayerToken('s1', 'p2', 'tok-p1')).rejects.toThrow(/already in use/);
        expect(await store.findSeat('tok-p1')).toEqual({ sessionId: 's1', kind: 'player', playerId: 'p1' });
      });

      it('moves the facilitator seat to a new token, and adds co-facilitator seats beside it until dismissed', async () => {
        await seedSession(store, 's1');
        await seedSession(store, 's2');
        await store.addPlayerToken('s1', 'p1', 'tok-p1');
        await store.addConsoleToken('s1', 'co-facilitator', 'co-1', false);
        await store.addConsoleToken('s1', 'co-facilitator', 'co-2', false);
        await store.addConsoleToken('s1', 'facilitator', 'fac-s1-new', true);
        expect(await store.findSeat('fac-s1')).toBeNull();
        expect(await store.findSeat('fac-s1-new')).toEqual({ sessionId: 's1', kind: 'facilitator' });
        expect(await store.findSeat('co-1')).toEqual({ sessionId: 's1', kind: 'co-facilitator' });
        expect(await store.findSeat('fac-s2')).toEqual({ sessionId: 's2', kind: 'facilitator' });
        await store.revokeConsoleTokens('s1', 'co-facilitator');
        expect(await store.findSeat('co-1')).toBeNull();
        expect(await store.findSeat('co-2')).toBeNull();
        expect(await store.findSeat('fac-s1-new')).toEqual({ sessionId: 's1', kind: 'facilitator' });
        expect(await store.findSeat('tok-p1')).toEqual({ sessionId: 's1', kind: 'player', playerId: 'p1' });
        await expect(store.addConsoleToken('nope', 'facilitator', 'fac-x', true)).rejects.toThrow(/does not exist/);
        await expect(store.addConsoleToken('s1', 'facilitator', 'tok-p1', true)).rejects.toThrow(/already in use/);
        // A refused handover leaves the seat where it was.
        expect(await store.findSeat('fac-s1-new')).toEqual({ sessionId: 's1', kind: 'facilitator' });
        await expect(store.revokeConsoleTokens('nope', 'co-facilitator')).rejects.toThrow(/does not exist/);
      });
    });

    consoleCodeContract(current);
    logContract(current);
    realIncidentContract(current);
    exerciseContract(current);
    runContract(current);

    describe('snapshots', () => {
      it('returns null before any snapshot, then the one with the highest seq', async () => {
        await seedSession(store, 's1');
        expect(await store.latestSnapshot('s1')).toBeNull();
        await store.putSnapshot('s1', { seq: 200, state: '{"seq":200}' });
        await store.putSnapshot('s1', { seq: 100, state: '{"seq":100}' });
        expect(await store.latestSnapshot('s1')).toEqual({ seq: 200, state: '{"seq":200}' });
        for (const seq of [300, 400, 500]) await store.putSnapshot('s1', { seq, state: `{"seq":${seq}}` });
        expect(await store.latestSnapshot('s1')).toEqual({ seq: 500, state: '{"seq":500}' });
      });

      it('replaces a snapshot taken again at the same seq, per session', async () => {
        await seedSession(store, 's1');
        await seedSession(store, 's2');
        await store.putSnapshot('s1', { seq: 10, state: 'first' });
        await store.putSnapshot('s1', { seq: 10, state: 'second' });
        expect(await store.latestSnapshot('s1')).toEqual({ seq: 10, state: 'second' });
        expect(await store.latestSnapshot('s2')).toBeNull();
      });

      it('rejects a snapshot for an unknown session', async () => {
        await expect(store.putSnapshot('nope', { seq: 1, state: '{}' })).rejects.toThrow(/does not exist/);
      });
    });

    describe('incident records', () => {
      it('lists stored records in the order first stored, one per session', async () => {
        await seedSession(store, 's1');
        await seedSession(store, 's2');
        await store.putIncidentRecord('s2', incident('s2'));
        await store.putIncidentRecord('s1', incident('s1'));
        const updated = incident('s2', { actionItems: [{ text: 'Add a TTL alarm', owner: 'sre' }] });
        await store.putIncidentRecord('s2', updated);
        expect(await store.listIncidentRecords()).toEqual([updated, incident('s1')]);
      });

      it('refuses a record filed under another session or an unknown one', async () => {
        await seedSession(store, 's1');
        await expect(store.putIncidentRecord('s1', incident('s2'))).rejects.toThrow(/cannot be stored under/);
        await expect(store.putIncidentRecord('nope', incident('nope'))).rejects.toThrow(/does not exist/);
        expect(await store.listIncidentRecords()).toEqual([]);
      });
    });

    describe('health', () => {
      it('is ok while open, and stays ok after writes the store refused', async () => {
        expect(store.health()).toEqual({ state: 'ok' });
        await seedSession(store, 's1');
        await store.append('s1', entries(1, 2));
        await expect(store.append('s1', [entry(2, 'other:2')])).rejects.toBeInstanceOf(SeqConflictError);
        await expect(store.markEnded('nope', 1)).rejects.toThrow(/does not exist/);
        await expect(store.createSession(sessionRow('s1', { joinCode: 'OTHER' }), 'fac-other')).rejects.toThrow(
          /already exists/,
        );
        expect(store.health()).toEqual({ state: 'ok' });
      });

      it('reports failing once closed, without throwing', async () => {
        await store.close();
        expect(store.health()).toEqual({ state: 'failing', reason: expect.stringContaining('closed') });
      });
    });
  });
}
