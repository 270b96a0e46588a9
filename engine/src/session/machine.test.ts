import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/schema.ts';
import { exampleScenario } from '../testing/example-scenario.ts';
import { FACILITATOR, Table, player } from '../testing/table.ts';
import { availableChoices } from './choices.ts';
import { gameOf } from '../compile/game.ts';
import { phaseOf, sceneOf } from './phase.ts';

const scenario = exampleScenario();

/** The example with the holding statement open only once the resolver rollback flag is set. */
function withGuardedChoice(): Scenario {
  return {
    ...scenario,
    scenes: scenario.scenes.map((scene) =>
      scene.id !== 'triage'
        ? scene
        : {
            ...scene,
            choices: (scene.choices ?? []).map((c) => (c.id === 'hold' ? { ...c, when: { flag: 'rolled_back' } } : c)),
          },
    ),
  };
}

describe('the machine carries the game', () => {
  it('pauses as a machine state and resumes in the same scene without entering it again', () => {
    const t = new Table(scenario).seatAndStart(['sre']);
    const path = t.state.path;
    const timeline = t.state.timeline.length;
    t.must(FACILITATOR, { type: 'session.pause' });
    expect(t.state.game.value).toBe('paused');
    expect(sceneOf(t.state)).toBe('triage');
    t.must(FACILITATOR, { type: 'session.resume' });
    expect(t.state.game.value).toEqual({ running: 'triage' });
    expect(phaseOf(t.state)).toBe('running');
    expect(t.state.path).toEqual(path);
    expect(t.state.timeline.slice(timeline).map((e) => e.text)).toEqual(['Paused', 'Resumed']);
  });

  it('resumes in the right scene from a paused state that went through JSON, as a stored snapshot does', () => {
    const t = new Table(scenario).seatAndStart(['sre', 'ic']);
    t.must(player('p2'), { type: 'choice.apply', choiceId: 'look' });
    t.must(FACILITATOR, { type: 'session.pause' });
    t.state = JSON.parse(JSON.stringify(t.state)) as typeof t.state;
    expect(sceneOf(t.state)).toBe('dashboards');
    t.must(FACILITATOR, { type: 'session.resume' });
    expect(t.state.game.value).toEqual({ running: 'dashboards' });
  });

  it('asks the machine what is possible: a paused game takes no choice, no clock and no pause', () => {
    const t = new Table(scenario).seatAndStart(['sre']);
    t.must(FACILITATOR, { type: 'session.pause' });
    for (const payload of [
      { type: 'session.pause' },
      { type: 'clock.advance', minutes: 1 },
      { type: 'choice.apply', choiceId: 'look' },
    ] as const) {
      expect(t.send(FACILITATOR, payload)).toMatchObject({ ok: false, error: { code: 'wrong-phase' } });
    }
    // What the table sees while paused is what is open once it resumes.
    expect(availableChoices(gameOf(scenario), t.state).map((c) => c.id)).toEqual(['look', 'hold']);
  });

  it('fires a timed inject once, and not at all when the facilitator revealed it first', () => {
    const t = new Table(scenario).seatAndStart(['sre', 'ic']);
    t.must(FACILITATOR, { type: 'inject.reveal', injectId: 'tweet' });
    expect(t.send(FACILITATOR, { type: 'inject.reveal', injectId: 'tweet' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 25 });
    expect(t.state.revealed.map((r) => r.key).sort()).toEqual(['page', 'tweet']);
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 5 });
    expect(t.state.revealed).toHaveLength(2);
  });

  it("evaluates a choice's `when` by the machine's guard alone", () => {
    const guarded = withGuardedChoice();
    const t = new Table(guarded).seatAndStart(['sre', 'ic']);
    expect(availableChoices(gameOf(guarded), t.state).map((c) => c.id)).toEqual(['look']);
    expect(t.send(FACILITATOR, { type: 'choice.apply', choiceId: 'hold' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(t.send(player('p1'), { type: 'choice.vote', choiceId: 'hold' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('begins the fault when the clock reaches its onset, on the scenario clock, once', () => {
    const t = new Table(scenario).seatAndStart(['sre']);
    expect(t.state.game.context.faultBegun).toBe(false);
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 7 });
    expect(t.state.game.context.faultBegun).toBe(true);
    expect(t.state.milestones.started).toMatchObject({ game: 5, source: 'scenario' });
    expect(t.state.game.context.health['resolver']).toBe('degraded');
  });

  it('reaches a timed ending through the machine, and concludes once', () => {
    const t = new Table(scenario).seatAndStart(['sre']);
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 130 });
    expect(t.state.game.value).toBe('debrief');
    expect(t.state.path.at(-1)).toBe('timeboxed');
    expect(t.state.timeline.filter((e) => e.text.startsWith('Debrief:'))).toHaveLength(1);
  });
});
