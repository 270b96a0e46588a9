import { exampleScenario } from '@chaos-quest/engine/testing';
import type { TestStep } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import { playtestModel, rolledStep } from './playtest-model.ts';

const seed = 'studio';

describe('playtestModel', () => {
  it('groups what can be done by actor: the facilitator first, then every role, each listed', () => {
    const scenario = exampleScenario();
    const { groups } = playtestModel(scenario, [{ choose: 'look' }], { seed });
    expect(groups.map((g) => g.title)).toEqual([
      'Facilitator',
      'Incident Commander',
      'On-call SRE',
      'Communications Lead',
    ]);
    const facilitator = groups[0];
    expect(facilitator?.choices.map((a) => a.label)).toEqual(['Roll back the DNS change']);
    expect(facilitator?.gotos.map((a) => a.step)).toEqual([{ goto: 'triage' }]);
    expect(facilitator?.others.find((o) => o.verb === 'Advance')?.actions.map((a) => a.short)).toEqual([
      '5 min',
      '15 min',
      '30 min',
      '60 min',
    ]);
    // Detection came with the dashboards scene, so the SRE can declare what comes next, not the incident.
    expect(groups[2]?.others).toEqual([
      {
        verb: 'Declare',
        actions: [expect.objectContaining({ short: 'mitigated' }), expect.objectContaining({ short: 'resolved' })],
      },
    ]);
  });

  it('replays on a changed file and says where the path no longer fits', () => {
    const scenario = exampleScenario();
    const steps: TestStep[] = [{ choose: 'look' }, { choose: 'rollback', roll: 3 }];
    const renamed = {
      ...scenario,
      scenes: scenario.scenes.map((s) =>
        s.id === 'dashboards'
          ? { ...s, choices: (s.choices ?? []).map((c) => (c.id === 'rollback' ? { ...c, id: 'revert' } : c)) }
          : s,
      ),
    };
    const model = playtestModel(renamed, steps, { seed });
    expect(model.replay.broken).toEqual({
      index: 1,
      message: "refused (not-found): 'rollback' is not open in scene 'dashboards'. Open choices: revert.",
    });
    expect(model.summary.path).toEqual(['triage', 'dashboards']);
    expect(model.groups[0]?.choices.map((a) => a.choice?.id)).toEqual(['revert']);
  });

  it('offers nothing to do once the path reaches an ending', () => {
    const scenario = exampleScenario();
    const model = playtestModel(scenario, [{ choose: 'look' }, { choose: 'rollback', roll: 17 }], { seed });
    expect(model.summary.ending?.id).toBe('recovered');
    expect(model.groups.every((g) => g.choices.length + g.others.length + g.gotos.length === 0)).toBe(true);
  });
});

describe('rolledStep', () => {
  it('takes a typed roll that lies on the dice, and refuses one that does not', () => {
    const scenario = exampleScenario();
    const { groups } = playtestModel(scenario, [{ choose: 'look' }], { seed });
    const rollback = groups[0]?.choices[0];
    if (!rollback) throw new Error('no rollback offered');
    expect(rolledStep(rollback, '7')).toEqual({ choose: 'rollback', roll: 7 });
    expect(rolledStep(rollback, '21')).toBeNull();
    expect(rolledStep(rollback, '0')).toBeNull();
    expect(rolledStep(rollback, '2.5')).toBeNull();
    expect(rolledStep(rollback, '')).toBeNull();
  });
});
