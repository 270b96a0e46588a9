import { describe, expect, it } from 'vitest';
import { asPlayerId } from '../protocol/ids.ts';
import { exampleScenario } from '../testing/example-scenario.ts';
import { FACILITATOR, SYSTEM, Table, player } from '../testing/table.ts';
import { phaseOf, sceneOf } from './phase.ts';
import { stateHash } from './hash.ts';
import { replay } from './replay.ts';
import { step } from './step.ts';

const scenario = exampleScenario();

describe('step', () => {
  it('walks the lifecycle lobby → briefing → running ⇄ paused → debrief → ended', () => {
    const t = new Table(scenario);
    expect(phaseOf(t.state)).toBe('lobby');
    t.must(FACILITATOR, { type: 'session.brief' });
    expect(phaseOf(t.state)).toBe('briefing');
    t.must(FACILITATOR, { type: 'session.start' });
    expect(phaseOf(t.state)).toBe('running');
    expect(sceneOf(t.state)).toBe('triage');
    t.must(FACILITATOR, { type: 'session.pause' });
    expect(phaseOf(t.state)).toBe('paused');
    expect(t.send(FACILITATOR, { type: 'clock.advance', minutes: 5 })).toMatchObject({
      ok: false,
      error: { code: 'wrong-phase' },
    });
    t.must(FACILITATOR, { type: 'session.resume' });
    t.must(FACILITATOR, { type: 'session.end', outcome: 'partial' });
    expect(phaseOf(t.state)).toBe('debrief');
    expect(t.state.game.context.outcome).toBe('partial');
    t.must(FACILITATOR, { type: 'session.close' });
    expect(phaseOf(t.state)).toBe('ended');
  });

  it('rejects a facilitator command sent by a player and leaves the state exactly as it was', () => {
    const t = new Table(scenario).seatAndStart(['sre', 'ic']);
    const before = stateHash(t.state);
    const result = t.send(player('p1'), { type: 'scene.goto', sceneId: 'dashboards' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(stateHash(t.state)).toBe(before);
  });

  it('lets a role with can_apply_choices apply a choice, and refuses the others', () => {
    const t = new Table(scenario).seatAndStart(['sre', 'ic']);
    expect(t.send(player('p1'), { type: 'choice.apply', choiceId: 'look' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    t.must(player('p2'), { type: 'choice.apply', choiceId: 'look' });
    expect(sceneOf(t.state)).toBe('dashboards');
  });

  it('refuses a server-only command from a socket actor', () => {
    const t = new Table(scenario);
    expect(t.send(FACILITATOR, { type: 'player.join', playerId: 'x', name: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(t.send(player('p1'), { type: 'clock.tick' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('records a declaration before the fault starts as a false alarm, and after it as detection by the team', () => {
    const t = new Table(scenario).seatAndStart(['sre']);
    t.must(player('p1'), { type: 'incident.declare', kind: 'incident' });
    expect(t.state.declarations[0]?.status).toBe('false-alarm');
    expect(t.state.milestones.detected).toBeUndefined();
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 6 });
    t.must(player('p1'), { type: 'incident.declare', kind: 'incident' });
    expect(t.state.milestones.detected).toMatchObject({ game: 6, source: 'team' });
    expect(t.state.milestones.started).toMatchObject({ game: 5, source: 'scenario' });
  });

  it('fires a timed page when the clock passes it, only to its role, and records acknowledgement', () => {
    const t = new Table(scenario).seatAndStart(['sre', 'ic']);
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 9 });
    expect(t.state.revealed).toHaveLength(0);
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 1 });
    expect(t.state.revealed.map((r) => r.key)).toEqual(['page']);
    expect(t.send(player('p2'), { type: 'inject.ack', key: 'page' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    t.must(player('p1'), { type: 'inject.ack', key: 'page' });
    expect(t.state.milestones.acknowledged?.game).toBe(10);
    expect(t.state.milestones.firstPage?.game).toBe(10);
  });

  it('marks the fault components degraded at onset and heals them through a check', () => {
    const t = new Table(scenario).seatAndStart(['sre']);
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 5 });
    expect(t.state.game.context.health['resolver']).toBe('degraded');
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'look' });
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'rollback', physical: 20 });
    expect(t.state.game.context.health['resolver']).toBe('ok');
    expect(t.state.game.context.ending).toBe('recovered');
    expect(t.state.milestones.resolved).toBeDefined();
  });

  it('takes the failure branch on a low physical roll and adds the role modifier', () => {
    const t = new Table(scenario).seatAndStart(['sre']);
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'look' });
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'rollback', physical: 9 });
    const roll = t.state.rolls[0];
    expect(roll).toMatchObject({ natural: 9, total: 11, target: 12, success: false, physical: true });
    expect(sceneOf(t.state)).toBe('dashboards');
    expect(t.state.game.context.clock).toBe(5 + 10 + 10);
  });

  it('refuses a physical roll the dice cannot show', () => {
    const t = new Table(scenario).seatAndStart(['sre']);
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'look' });
    expect(t.send(FACILITATOR, { type: 'choice.apply', choiceId: 'rollback', physical: 21 })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });

  it('rolls the same dice for the same seed and different dice for another seed', () => {
    const naturals = (seed: string) => {
      const t = new Table(scenario, seed).seatAndStart(['sre']);
      for (let i = 0; i < 8; i++) t.must(FACILITATOR, { type: 'dice.roll', dice: 'd20', label: 'luck' });
      return t.state.rolls.map((r) => r.natural);
    };
    expect(naturals('a')).toEqual(naturals('a'));
    expect(naturals('a')).not.toEqual(naturals('b'));
  });

  it('judges an improvised roll against its target, and leaves one without a target to the facilitator', () => {
    const t = new Table(scenario).seatAndStart(['sre']);
    t.must(FACILITATOR, { type: 'dice.roll', dice: 'd20', label: 'Does the cache hold?', physical: 12, target: 12 });
    t.must(FACILITATOR, { type: 'dice.roll', dice: 'd20', label: 'Does the pager work?', physical: 11, target: 12 });
    t.must(FACILITATOR, { type: 'dice.roll', dice: 'd20', label: 'Luck', physical: 3 });
    expect(t.state.rolls.map((r) => [r.target, r.success])).toEqual([
      [12, true],
      [12, false],
      [null, null],
    ]);
    expect(t.state.timeline.filter((e) => e.kind === 'roll').map((e) => e.text)).toEqual([
      'Does the cache hold?: d20 12 = 12 vs 12: success',
      'Does the pager work?: d20 11 = 11 vs 12: failure',
      'Luck: d20 → 3',
    ]);
  });

  it('reaches the timeboxed failure ending when the clock runs out', () => {
    const t = new Table(scenario).seatAndStart(['sre']);
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 120 });
    expect(phaseOf(t.state)).toBe('debrief');
    expect(t.state.game.context).toMatchObject({ ending: 'timeboxed', outcome: 'failure' });
    expect(t.state.milestones.ended?.game).toBe(120);
  });

  it('needs the facilitator to confirm a declared mitigation before it counts', () => {
    const t = new Table(scenario).seatAndStart(['sre']);
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 30 });
    t.must(player('p1'), { type: 'incident.declare', kind: 'mitigated' });
    expect(t.state.milestones.mitigated).toBeUndefined();
    const declaration = t.state.declarations[0];
    t.must(FACILITATOR, { type: 'declaration.confirm', declarationId: declaration?.id ?? '' });
    expect(t.state.milestones.mitigated).toMatchObject({ game: 30, source: 'team' });
  });

  it('clears votes when the scene changes and refuses a vote for a choice not on offer', () => {
    const t = new Table(scenario).seatAndStart(['sre', 'ic']);
    t.must(player('p1'), { type: 'choice.vote', choiceId: 'look' });
    expect(t.send(player('p2'), { type: 'choice.vote', choiceId: 'rollback' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(t.state.votes).toEqual({ p1: 'look' });
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'look' });
    expect(t.state.votes).toEqual({});
  });

  it('stops a removed player from sending anything', () => {
    const t = new Table(scenario).seatAndStart(['sre', 'ic']);
    t.must(FACILITATOR, { type: 'player.remove', playerId: 'p1' });
    expect(t.send(player('p1'), { type: 'hand.raise', raised: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(t.state.game.context.rolesPresent).toEqual(['ic']);
  });

  it('replays its log to the same state', () => {
    const t = new Table(scenario, 'replay').seatAndStart(['sre', 'ic', 'comms']);
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 12 });
    t.must(player('p1'), { type: 'inject.ack', key: 'page' });
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'look' });
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'rollback' });
    const replayed = replay(scenario, 'replay', t.log, {
      scenarioHash: 'test',
      createdAt: 1_700_000_000_000,
      team: 'blue',
    });
    expect(replayed.ok && stateHash(replayed.state)).toBe(stateHash(t.state));
  });

  it('refuses a command with the wrong sequence number', () => {
    const t = new Table(scenario);
    const result = step(scenario, t.state, {
      seq: 2,
      at: 0,
      actor: SYSTEM,
      command: { id: 'x', type: 'player.join', playerId: asPlayerId('p1'), name: 'A' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(t.state.seq).toBe(0);
  });
});
