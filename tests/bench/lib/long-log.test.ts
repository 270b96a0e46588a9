import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { replay, stateHash } from '@chaos-quest/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../server/src/store/sqlite-store.ts';
import { loadBenchScenario } from './bench-scenario.ts';
import { LONG_LOG_OPTIONS, makeLongLog } from './long-log.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cq-long-log-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('makeLongLog', () => {
  const bench = loadBenchScenario();

  it('produces exactly n commands the engine replays, the same for the same seed', () => {
    const log = makeLongLog(bench.scenario, 1500, 'seed-a');
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    const result = replay(bench.scenario, 'seed-a', log, LONG_LOG_OPTIONS);
    expect(result.ok).toBe(true);
    expect(makeLongLog(bench.scenario, 1500, 'seed-a')).toEqual(log);
    expect(makeLongLog(bench.scenario, 1500, 'seed-b')).not.toEqual(log);
  });

  it('mixes the commands of a long game, not just posts', () => {
    const types = new Set(makeLongLog(bench.scenario, 1500, 'seed-a').map((e) => e.command.type));
    for (const type of [
      'player.join',
      'role.take',
      'session.start',
      'timeline.post',
      'choice.vote',
      'action.propose',
      'hand.raise',
      'clock.tick',
    ]) {
      expect(types).toContain(type);
    }
  });

  it('replays to the same state after a round trip through SqliteStore, command keys and all', async () => {
    const log = makeLongLog(bench.scenario, 600, 'seed-a');
    const store = new SqliteStore(path.join(root, 'round-trip.db'));
    await store.putScenarioText(bench.hash, bench.text);
    const session = {
      id: 's1',
      scenarioId: bench.scenario.id,
      scenarioHash: bench.hash,
      seed: 'seed-a',
      team: null,
      joinCode: 'J1',
      createdAt: 0,
      endedAt: null,
    };
    await store.createSession(session, 'fac');
    await store.append(
      's1',
      log.map((e) => ({ ...e, commandKey: `${e.actor.kind}:${e.command.id}` })),
    );
    const direct = replay(bench.scenario, 'seed-a', log, LONG_LOG_OPTIONS);
    const stored = replay(bench.scenario, 'seed-a', await store.readLog('s1'), LONG_LOG_OPTIONS);
    await store.close();
    expect(stored.ok).toBe(true);
    expect(direct.ok && stored.ok && stateHash(stored.state) === stateHash(direct.state)).toBe(true);
  });
});
