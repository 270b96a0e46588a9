import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioWith } from '../scenario/baselines.ts';
import type { TestStep } from '../scenario/tests-schema.ts';
import { stateHash } from '../session/hash.ts';
import { exampleScenario } from '../testing/example-scenario.ts';
import { scenario1_1 } from '../testing/scenario-1-1.ts';
import { readScenarioTests } from './read-tests.ts';
import { runScenarioTest } from './run-test.ts';
import { describeStep, openActions, pathAsTest, replayPath, stateSummary, type OpenAction } from './solo.ts';

const shippedDir = new URL('../../../scenarios/', import.meta.url);
const shipped = readdirSync(shippedDir)
  .filter((f) => f.endsWith('.yaml') && !f.endsWith('.tests.yaml'))
  .map((file) => {
    const text = readFileSync(new URL(file, shippedDir), 'utf8');
    // As the server loads it: with the baseline CSVs beside it.
    const beside = (name: string) =>
      existsSync(new URL(name, shippedDir)) ? readFileSync(new URL(name, shippedDir), 'utf8') : null;
    const { scenario } = parseScenarioWith(text, file, beside);
    if (!scenario) throw new Error(`${file} does not parse`);
    return { file, scenario, tests: readScenarioTests(text, file).tests };
  });

const seed = 'solo-seed';
const find = (actions: OpenAction[], label: string) => actions.find((a) => a.label === label);

describe('replayPath', () => {
  it('turns every shipped test into a test that passes, through a replay of its steps', () => {
    const withTests = shipped.filter((s) => s.tests.length > 0);
    expect(withTests.length).toBeGreaterThanOrEqual(5);
    for (const { file, scenario, tests } of withTests)
      for (const { test } of tests) {
        const options = {
          seed: test.seed ?? `test:${test.name}`,
          ...(test.parameters ? { parameters: test.parameters } : {}),
          ...(test.seats ? { seats: test.seats } : {}),
        };
        const replay = replayPath(scenario, test.steps, options);
        expect(replay.broken, `${file} ${test.name}`).toBeNull();
        expect(replay.states).toHaveLength(test.steps.length);
        const made = pathAsTest(`again ${test.name}`, test.steps, replay.state, options);
        if (!made.ok) throw new Error(made.message);
        expect(runScenarioTest(scenario, made.test).failure, `${file} ${test.name}`).toBeNull();
        // The YAML reads back, under `tests:`, as the same test.
        const indented = made.yaml.replace(/^/gm, '  ');
        const read = readScenarioTests(`tests:\n${indented}`, 'x.yaml');
        expect(read.diagnostics).toEqual([]);
        expect(read.tests[0]?.test).toEqual(made.test);
        if (test.expect.ending) expect(made.test.expect.ending).toBe(test.expect.ending);
      }
  });

  it('names the first step that no longer fits with the engine reason, and keeps the steps before it', () => {
    const scenario = exampleScenario();
    const steps: TestStep[] = [{ choose: 'look' }, { choose: 'hold' }, { advance: 5 }];
    const replay = replayPath(scenario, steps, { seed });
    expect(replay.broken).toEqual({
      index: 1,
      message: "refused (not-found): 'hold' is not open in scene 'dashboards'. Open choices: rollback.",
    });
    expect(replay.states).toHaveLength(1);
    expect(stateSummary(scenario, replay.state).scene?.id).toBe('dashboards');
  });

  it('holds an `expect` step to the state it is reached in, and plays `set` as a given', () => {
    const scenario = exampleScenario();
    const steps: TestStep[] = [
      { set: ['rolled_back'] },
      { choose: 'look' },
      { expect: { scene: 'dashboards', flags: { rolled_back: true } } },
      { expect: { scene: 'triage' } },
    ];
    const replay = replayPath(scenario, steps, { seed });
    expect(replay.broken).toEqual({
      index: 3,
      message: "expected to be in scene 'triage', the game is running in scene 'dashboards'.",
    });
    expect(describeStep({ choose: 'rollback', roll: 3, by: 'sre' })).toBe('choose rollback (roll 3) by sre');
  });

  it('reports a table it cannot set up at index -1', () => {
    const replay = replayPath(scenario1_1(), [], { seed, parameters: { practised: 'maybe' } });
    expect(replay.broken?.index).toBe(-1);
    expect(replay.broken?.message).toMatch(/practised/);
  });

  it('is deterministic: stepping back is replaying the prefix', () => {
    const scenario = exampleScenario();
    const steps: TestStep[] = [{ choose: 'look' }, { advance: 15 }, { choose: 'rollback' }, { choose: 'rollback' }];
    const full = replayPath(scenario, steps, { seed });
    const again = replayPath(scenario, steps, { seed });
    expect(full.states.map(stateHash)).toEqual(again.states.map(stateHash));
    const prefix = replayPath(scenario, steps.slice(0, 2), { seed });
    expect(stateHash(prefix.state)).toBe(stateHash(full.states[1] as NonNullable<(typeof full.states)[1]>));
  });
});

describe('openActions', () => {
  it('offers the open choices and a check with rolls that succeed and fail, with the exact odds', () => {
    const scenario = exampleScenario();
    const at = replayPath(scenario, [{ choose: 'look' }], { seed }).state;
    const actions = openActions(scenario, at);
    const rollback = actions.find((a) => a.choice?.id === 'rollback');
    // d20 against 12 with the SRE seated (+2): naturals 10 to 20 succeed, 11 in 20.
    expect(rollback?.choice?.check).toMatchObject({ dice: 'd20', target: 12, add: 2, odds: '11 in 20 (55%)' });
    const rolls = rollback?.choice?.check?.rolls ?? [];
    expect(rolls.map((r) => r.label)).toEqual(['Roll 10 — succeeds (55%)', 'Roll 9 — fails (45%)']);
    const success = replayPath(scenario, [{ choose: 'look' }, (rolls[0] as { step: TestStep }).step], { seed });
    expect(stateSummary(scenario, success.state).ending?.id).toBe('recovered');
    const failure = replayPath(scenario, [{ choose: 'look' }, (rolls[1] as { step: TestStep }).step], { seed });
    expect(stateSummary(scenario, failure.state).scene?.id).toBe('dashboards');
  });

  it('gives the odds with the modifiers that apply now', () => {
    const scenario = exampleScenario();
    const at = replayPath(scenario, [{ set: ['rolled_back'] }, { choose: 'look' }], { seed }).state;
    const check = openActions(scenario, at).find((a) => a.choice?.id === 'rollback')?.choice?.check;
    // +2 for the SRE, -5 once rolled back: naturals 15 to 20 succeed.
    expect(check).toMatchObject({ add: -3, odds: '6 in 20 (30%)' });
    expect(check?.rolls.map((r) => r.roll)).toEqual([15, 14]);
  });

  it('offers only what the engine accepts: every offered step replays', () => {
    const scenario = scenario1_1();
    let steps: TestStep[] = [];
    for (let i = 0; i < 4; i++) {
      const { state } = replayPath(scenario, steps, { seed });
      const actions = openActions(scenario, state);
      expect(actions.length).toBeGreaterThan(0);
      for (const action of actions) expect(replayPath(scenario, [...steps, action.step], { seed }).broken).toBeNull();
      steps = [...steps, { advance: 15 }];
    }
  });

  it('puts a choice under the role that decides or rolls it, and pages under each role to acknowledge', () => {
    const scenario = scenario1_1();
    const actions = openActions(scenario, replayPath(scenario, [{ advance: 30 }], { seed }).state);
    expect(actions.find((a) => a.choice?.id === 'ask')).toMatchObject({
      actor: { role: 'dev' },
      step: { choose: 'ask', by: 'dev' },
    });
    const sweep = actions.find((a) => a.choice?.id === 'sweep');
    expect(sweep?.actor).toEqual({ role: 'analyst' });
    expect(sweep?.choice?.check?.rolls.map((r) => r.result)).toEqual([
      'critical_success',
      'success',
      'complication',
      'failure',
      'critical_failure',
    ]);
    expect(actions.filter((a) => a.label === 'Acknowledge page').map((a) => a.actor)).toEqual([
      { role: 'lead' },
      { role: 'analyst' },
      { role: 'dev' },
    ]);
    expect(find(actions, 'Reveal page')).toBeUndefined();
  });

  it('offers a pending declaration to the facilitator to confirm, and nothing once the game ended', () => {
    const scenario = exampleScenario();
    const declared = replayPath(scenario, [{ advance: 10 }, { declare: 'incident', by: 'sre' }], { seed }).state;
    expect(find(openActions(scenario, declared), 'Confirm incident')?.step).toEqual({ confirm: 'incident' });
    const ended = replayPath(scenario, [{ choose: 'look' }, { choose: 'rollback', roll: 20 }], { seed }).state;
    expect(openActions(scenario, ended)).toEqual([]);
  });
});

/** Whether an offered step is the same move as a step a shipped test takes (any roll, any minutes). */
function sameMove(offered: TestStep, taken: TestStep): boolean {
  if ('choose' in taken) return 'choose' in offered && offered.choose === taken.choose;
  if ('advance' in taken) return 'advance' in offered;
  if ('ack' in taken) return 'ack' in offered && offered.ack === taken.ack && offered.by === taken.by;
  if ('declare' in taken) return 'declare' in offered && offered.declare === taken.declare && offered.by === taken.by;
  return JSON.stringify(offered) === JSON.stringify(taken);
}

describe('openActions on the shipped scenarios', () => {
  it('offers each move every shipped test makes, at the point it makes it', () => {
    for (const { file, scenario, tests } of shipped)
      for (const { test } of tests) {
        const options = {
          seed: test.seed ?? `test:${test.name}`,
          ...(test.parameters ? { parameters: test.parameters } : {}),
        };
        const replay = replayPath(scenario, test.steps, { ...options, ...(test.seats ? { seats: test.seats } : {}) });
        test.steps.forEach((taken, i) => {
          if ('set' in taken || 'clear' in taken || 'expect' in taken) return;
          const before = i === 0 ? replay.start : replay.states[i - 1];
          if (!before) throw new Error(`${file} ${test.name}: no state before step ${i + 1}`);
          const offered = openActions(scenario, before).map((a) => a.step);
          expect(
            offered.some((o) => sameMove(o, taken)),
            `${file} ${test.name} step ${i + 1}`,
          ).toBe(true);
        });
      }
  });
});

describe('stateSummary', () => {
  it('labels the clock with its day once past midnight and counts down running deadlines', () => {
    const scenario = scenario1_1();
    const summary = stateSummary(
      scenario,
      replayPath(scenario, [{ advance: 60 }, { advance: 60 }, { advance: 60 }], { seed }).state,
    );
    expect(summary.clock).toEqual({ minutes: 180, label: 'Day 2 01:00', day: 2 });
    expect(summary.deadlines[0]).toMatchObject({ id: 'regulator', state: 'running', left: 4320 - 180 });
    expect(summary.module).toMatchObject({ id: 'hunt', index: 1, count: 2 });
    expect(summary.milestones).toEqual(['detected']);
    expect(summary.path).toEqual(['hunt']);
  });

  it('gives the ending, its outcome and the path through it', () => {
    const scenario = exampleScenario();
    const steps: TestStep[] = [{ choose: 'look' }, { choose: 'rollback', roll: 3 }, { choose: 'rollback', roll: 18 }];
    const summary = stateSummary(scenario, replayPath(scenario, steps, { seed }).state);
    expect(summary.ending).toEqual({ id: 'recovered', title: 'recovered', outcome: 'success' });
    expect(summary.path).toEqual(['triage', 'dashboards', 'recovered']);
    expect(summary.flags).toMatchObject({ rolled_back: true });
    expect(summary.turn).toBeNull();
  });
});

describe('pathAsTest', () => {
  it('expects the scene while the game runs, and refuses an empty name', () => {
    const scenario = exampleScenario();
    const { state } = replayPath(scenario, [{ choose: 'look' }], { seed });
    const made = pathAsTest('  looks  ', [{ choose: 'look' }], state);
    expect(made.ok && made.test).toEqual({
      name: 'looks',
      seed,
      steps: [{ choose: 'look' }],
      expect: { scene: 'dashboards', milestones: ['detected'] },
    });
    expect(made.ok && made.yaml).toBe(
      `- name: looks\n  seed: ${seed}\n  steps:\n    - { choose: look }\n  expect: { milestones: [ detected ], scene: dashboards }\n`,
    );
    expect(pathAsTest(' ', [], state).ok).toBe(false);
  });
});
