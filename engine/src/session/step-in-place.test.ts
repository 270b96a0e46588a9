import { describe, expect, it } from 'vitest';
import type { LoggedCommand } from '../protocol/commands.ts';
import { asSceneId } from '../protocol/ids.ts';
import { exampleScenario } from '../testing/example-scenario.ts';
import { FACILITATOR, Table, player } from '../testing/table.ts';
import { createSession } from './create.ts';
import { ownLists } from './draft.ts';
import { stateHash } from './hash.ts';
import { stepInPlace } from './step.ts';

const scenario = exampleScenario();

describe('stepInPlace', () => {
  it('reaches the state step reaches, and a refused command leaves the lists as they were', () => {
    const t = new Table(scenario).seatAndStart(['sre', 'ic']);
    t.must(player('p1'), { type: 'timeline.post', text: 'The dashboards are red' });
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'look' });
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 20 });
    let state = ownLists(
      createSession(scenario, 'seed', { scenarioHash: 'test', createdAt: 1_700_000_000_000, team: 'blue' }),
    );
    for (const [i, entry] of t.log.entries()) {
      // Between accepted commands, one the engine refuses (a player may not jump scenes).
      const refused: LoggedCommand = {
        seq: entry.seq,
        at: entry.at,
        actor: player('p1'),
        command: { id: `x${i}`, type: 'scene.goto', sceneId: asSceneId('dashboards') },
      };
      const before = stateHash(state);
      const lengths = state.timeline.length;
      expect(stepInPlace(scenario, state, refused).ok).toBe(false);
      expect(stateHash(state)).toBe(before);
      expect(state.timeline).toHaveLength(lengths);
      const result = stepInPlace(scenario, state, entry);
      if (!result.ok) throw new Error(result.error.message);
      state = result.state;
    }
    expect(stateHash(state)).toBe(stateHash(t.state));
  });
});
