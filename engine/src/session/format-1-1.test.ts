import { describe, expect, it } from 'vitest';
import { exampleScenario } from '../testing/example-scenario.ts';
import { scenario1_1 } from '../testing/scenario-1-1.ts';
import { FACILITATOR, SYSTEM, Table, player } from '../testing/table.ts';
import { viewFor } from '../views/view-for.ts';
import type { FacilitatorView } from '../views/view.ts';
import { stateHash } from './hash.ts';
import { phaseOf } from './phase.ts';
import { replay } from './replay.ts';

const scenario = scenario1_1();

/** A table of lead (p1), analyst (p2) and developer (p3) in the hunt. */
function hunt(parameters?: Record<string, string>): Table {
  const t = new Table(scenario);
  if (parameters) t.must(FACILITATOR, { type: 'session.configure', parameters });
  return t.seatAndStart(['lead', 'analyst', 'dev']);
}

const facilitatorView = (t: Table) => viewFor(scenario, t.state, { kind: 'facilitator' }) as FacilitatorView;
const timelineTexts = (t: Table) => t.state.timeline.map((e) => e.text);

describe('format 1.1: counters and visits', () => {
  it('counts turns, and a return to the same scene is a new visit: votes reset, the path grows', () => {
    const t = hunt();
    expect(t.state.game.context.counters).toEqual({ turn: 0, leads: 0 });
    t.must(player('p2'), { type: 'choice.vote', choiceId: 'wait' });
    t.must(player('p2'), { type: 'action.propose', text: 'Check the proxy logs' });
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'wait' });
    expect(t.state.game.context.counters).toEqual({ turn: 1, leads: 0 });
    expect(t.state.path).toEqual(['hunt', 'hunt']);
    expect(t.state.votes).toEqual({});
    const view = facilitatorView(t);
    expect(view.scene).toMatchObject({ narration: 'Turn 1: the hunt goes on at 23:00.', visit: 2 });
    expect(view.proposals[0]).toMatchObject({ scene: 'hunt', visit: 1 });
    expect(view.story?.turn).toBe(1);
  });

  it('keeps a 1.0 scenario to its old rule: staying in a scene is not a new visit', () => {
    const t = new Table(exampleScenario()).seatAndStart(['sre', 'ic']);
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'hold' });
    expect(t.state.path).toEqual(['triage']);
    expect(t.state.game.context.counters).toBeUndefined();
  });

  it('opens a choice when its counter condition holds, and reaches an ending on a counter', () => {
    const t = hunt();
    const ids = () => facilitatorView(t).choices.map((c) => c.id);
    expect(ids()).not.toContain('report');
    for (let i = 0; i < 10; i++) t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'wait' });
    expect(phaseOf(t.state)).toBe('debrief');
    expect(t.state.game.context).toMatchObject({ ending: 'out-of-turns', outcome: 'failure' });
  });
});

describe('format 1.1: the clock has days', () => {
  it('labels the clock with its day once play passes midnight, in text and in views', () => {
    const t = hunt();
    expect(facilitatorView(t).clock).toMatchObject({ label: '22:00', days: false, start: '22:00' });
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'wait' });
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'wait' });
    expect(facilitatorView(t).clock).toMatchObject({ label: 'Day 2 00:00', days: true });
    expect(facilitatorView(t).scene?.narration).toBe('Turn 2: the hunt goes on at Day 2 00:00.');
  });
});

describe('format 1.1: checks', () => {
  it('closes a choice for two turns after its check fails', () => {
    const t = hunt();
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'sweep', physical: 5 });
    const ids = () => facilitatorView(t).choices.map((c) => c.id);
    expect(ids()).not.toContain('sweep');
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'ask' });
    expect(ids()).not.toContain('sweep');
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'ask' });
    expect(ids()).toContain('sweep');
  });

  it('grades a natural 20 as a critical success that reveals the developer secret to everyone', () => {
    const t = hunt();
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'sweep', physical: 20 });
    expect(t.state.game.context.counters?.['leads']).toBe(3);
    expect(t.state.rolls[0]).toMatchObject({ success: true, grade: 'critical_success' });
    const secret = t.state.timeline.find((e) => e.text === "Developer's secret: I left a debug port open.");
    expect(secret?.audience).toBe('all');
    expect(timelineTexts(t)).toContain('d20 20 = 20 vs 12: critical success');
  });

  it('grades a natural 1 as a critical failure, and a narrow success as a success with a complication', () => {
    const t = hunt({ practised: 'yes' });
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'sweep', physical: 1 });
    expect(t.state.rolls[0]).toMatchObject({ success: false, grade: 'critical_failure' });
    expect(t.state.decisions[0]?.outcome).toBe('failure');
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'ask' });
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'ask' });
    // 8 + 5 (practised playbook) = 13: a success by less than 3 over 12.
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'sweep', physical: 8 });
    expect(t.state.rolls[1]).toMatchObject({ total: 13, success: true, grade: 'complication' });
    expect(t.state.game.context.flags['warned']).toBe(true);
  });

  it('lets the role that rolls a check apply it, and no other choice', () => {
    const t = hunt();
    expect(t.send(player('p2'), { type: 'choice.apply', choiceId: 'wait' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: "'Wait an hour' is for the facilitator to decide." },
    });
    expect(t.send(player('p3'), { type: 'choice.apply', choiceId: 'sweep' })).toMatchObject({
      ok: false,
      error: { message: "'Sweep the logs' is for Analyst to roll." },
    });
    t.must(player('p2'), { type: 'choice.apply', choiceId: 'sweep' });
    t.must(player('p3'), { type: 'choice.apply', choiceId: 'ask' });
    expect(t.state.decisions.map((d) => [d.choice, d.by])).toEqual([
      ['sweep', 'Player 2'],
      ['ask', 'Player 3'],
    ]);
  });
});

describe('format 1.1: deadlines', () => {
  it('starts the regulator deadline at detection and meets it when the notice goes out from any scene', () => {
    const t = hunt();
    expect(facilitatorView(t).story?.deadlines).toEqual([
      { id: 'regulator', title: 'Regulator notice', state: 'running', left: 4320, due: 4320 },
    ]);
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'notify' });
    expect(t.state.game.context.deadlines?.['regulator']).toEqual({ since: 0, state: 'met', ended: 30 });
    expect(timelineTexts(t)).toContain('Regulator notice: met');
    expect(timelineTexts(t)).toContain('Notice filed with 2 d 23 h to spare.');
    expect(facilitatorView(t).choices.map((c) => c.id)).not.toContain('notify');
  });

  it('misses the deadline when the clock runs past it, and applies what missing it does', () => {
    const t = hunt();
    for (let i = 0; i < 8; i++) t.must(FACILITATOR, { type: 'clock.advance', minutes: 540 });
    expect(t.state.game.context.deadlines?.['regulator']?.state).toBe('missed');
    expect(t.state.game.context.counters?.['leads']).toBe(-1);
    expect(timelineTexts(t)).toContain('The regulator calls, unhappy.');
  });
});

describe('format 1.1: injects', () => {
  it('marks an expiring page missed when the clock jumps past its window', () => {
    const t = hunt();
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 55 });
    expect(t.state.revealed.map((r) => r.key)).not.toContain('page');
    expect(t.state.game.context.missed).toEqual(['page']);
    expect(facilitatorView(t).injectPlan.find((i) => i.id === 'page')).toMatchObject({ status: 'missed' });
  });

  it('says when a late inject was due', () => {
    const t = hunt();
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 45 });
    expect(t.state.revealed.find((r) => r.key === 'page')).toMatchObject({ due: 30, at: { game: 45 } });
    expect(timelineTexts(t)).toContain('PAGE: beacon seen (due at 22:30)');
  });

  it('fires a conditional inject after entering its scene, applying its effect', () => {
    const t = hunt();
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 60 });
    expect(t.state.game.context.flags['warned']).toBe(true);
    const notified = hunt();
    notified.must(FACILITATOR, { type: 'choice.apply', choiceId: 'notify' });
    notified.must(FACILITATOR, { type: 'clock.advance', minutes: 60 });
    expect(notified.state.revealed.map((r) => r.key)).not.toContain('warn');
  });

  it('times a module inject from entering the module, and fills its text from the state', () => {
    const t = hunt();
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'wait' });
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'wait' });
    expect(t.state.revealed.find((r) => r.key === 'nudge')?.text).toBe('Still hunting at Day 2 00:00 (turn 2).');
  });
});

describe('format 1.1: modules and parameters', () => {
  it('follows the exercise through its modules with their budgets and questions', () => {
    const t = hunt();
    expect(facilitatorView(t).story?.module).toMatchObject({
      id: 'hunt',
      index: 1,
      count: 2,
      budget: 20,
      questions: ['What would you look at first?'],
    });
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'sweep', physical: 20 });
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'report' });
    expect(facilitatorView(t).story?.module).toMatchObject({ id: 'wrap', index: 2 });
    expect(timelineTexts(t)).toContain('Module 2 of 2: Wrap-up');
  });

  it('takes session parameters in the lobby, refusing what the scenario does not declare', () => {
    const t = new Table(scenario);
    expect(t.send(FACILITATOR, { type: 'session.configure', parameters: { practised: 'maybe' } })).toMatchObject({
      ok: false,
      error: { message: "'maybe' is not an option of 'practised'; choose one of no, yes." },
    });
    t.must(FACILITATOR, { type: 'session.configure', parameters: { practised: 'yes' } });
    expect(t.state.game.context.parameters).toEqual({ practised: 'yes' });
    const old = new Table(exampleScenario());
    expect(old.send(FACILITATOR, { type: 'session.configure', parameters: { practised: 'yes' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });
});

describe('format 1.1: replay', () => {
  it('replays a 1.1 session to the same state', () => {
    const t = hunt({ practised: 'yes' });
    t.must(SYSTEM, { type: 'clock.tick' });
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'sweep' });
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'notify' });
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 200 });
    const again = replay(scenario, 'seed', t.log, { scenarioHash: 'test', createdAt: 1_700_000_000_000, team: 'blue' });
    expect(again.ok && stateHash(again.state)).toBe(stateHash(t.state));
  });
});
