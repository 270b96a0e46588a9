import { describe, expect, it } from 'vitest';
import { asPlayerId } from '../protocol/ids.ts';
import { exampleScenario } from '../testing/example-scenario.ts';
import { FACILITATOR, SYSTEM, Table, player } from '../testing/table.ts';
import { viewFor } from '../views/view-for.ts';
import type { FacilitatorView } from '../views/view.ts';
import { distinctName } from './namesakes.ts';
import { phaseOf } from './phase.ts';
import { replay } from './replay.ts';
import { stateHash } from './hash.ts';

const scenario = exampleScenario();
const join = (t: Table, id: string, name: string) => t.must(SYSTEM, { type: 'player.join', playerId: id, name });
const facilitatorView = (t: Table) => viewFor(scenario, t.state, { kind: 'facilitator' }) as FacilitatorView;

describe('seats and joining', () => {
  it('tells namesakes apart by a number, case aside, and frees the name of a removed player', () => {
    const t = new Table(scenario);
    join(t, 'a', 'Alice');
    expect(distinctName(t.state.players, 'alice')).toBe('alice (2)');
    join(t, 'b', 'Alice (2)');
    expect(distinctName(t.state.players, 'Alice')).toBe('Alice (3)');
    expect(distinctName(t.state.players, 'x'.repeat(40))).toBe('x'.repeat(40));
    join(t, 'c', 'x'.repeat(40));
    expect(distinctName(t.state.players, 'x'.repeat(40))).toBe(`${'x'.repeat(36)} (2)`);
    t.must(FACILITATOR, { type: 'player.remove', playerId: 'a' });
    expect(distinctName(t.state.players, 'Alice')).toBe('Alice');
  });

  it('seats newcomers as audience once joining is locked or the table is full, and the facilitator seats them', () => {
    const t = new Table(scenario);
    t.must(FACILITATOR, { type: 'table.configure', cap: 2 });
    join(t, 'a', 'Ann');
    join(t, 'b', 'Bo');
    join(t, 'c', 'Cy');
    expect(t.state.players[asPlayerId('c')]?.audience).toBe(true);
    expect(t.send(player('c'), { type: 'role.take', role: 'ic' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    t.must(player('c'), { type: 'hand.raise', raised: true });
    t.must(FACILITATOR, { type: 'table.configure', cap: null, locked: true });
    join(t, 'd', 'Di');
    expect(t.state.players[asPlayerId('d')]?.audience).toBe(true);
    t.must(FACILITATOR, { type: 'session.start' });
    // Seated mid-game by the facilitator: at the table, in a role, and may act.
    t.must(FACILITATOR, { type: 'player.assign', playerId: 'c', role: 'comms' });
    expect(t.state.players[asPlayerId('c')]?.audience).toBeUndefined();
    t.must(player('c'), { type: 'timeline.post', text: 'Drafting the status page.' });
    expect(facilitatorView(t).players.map((p) => [p.name, p.audience])).toEqual([
      ['Ann', false],
      ['Bo', false],
      ['Cy', false],
      ['Di', true],
    ]);
  });

  it('gives a namesake their seat back only when the facilitator agrees, and keeps the seat as it was', () => {
    const t = new Table(scenario);
    join(t, 'a', 'Alice');
    t.must(player('a'), { type: 'role.take', role: 'ic' });
    join(t, 'm', 'Mallory');
    t.must(FACILITATOR, { type: 'session.start' });
    join(t, 'a2', 'Alice (2)');
    expect(t.send(player('m'), { type: 'seat.claim', playerId: 'a' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    t.must(player('a2'), { type: 'seat.claim', playerId: 'a' });
    expect(facilitatorView(t).seatClaims).toEqual([{ playerId: 'a2', claims: 'a' }]);
    expect(viewFor(scenario, t.state, { kind: 'player', playerId: asPlayerId('a2') })).toMatchObject({
      me: { claims: 'a' },
    });
    t.must(FACILITATOR, { type: 'seat.answer', playerId: 'a2', give: true });
    expect(t.state.players[asPlayerId('a2')]?.removed).toBe(true);
    expect(t.state.players[asPlayerId('a')]).toMatchObject({ name: 'Alice', role: 'ic', removed: false });
    expect(facilitatorView(t).seatClaims).toEqual([]);

    join(t, 'a3', 'Alice (2)');
    t.must(player('a3'), { type: 'seat.claim', playerId: 'a' });
    t.must(FACILITATOR, { type: 'seat.answer', playerId: 'a3', give: false });
    expect(t.state.players[asPlayerId('a3')]).toMatchObject({ removed: false });
    expect(t.state.players[asPlayerId('a3')]?.claims).toBeUndefined();
  });

  it('counts who is ready during the briefing', () => {
    const t = new Table(scenario);
    join(t, 'a', 'Ann');
    expect(t.send(player('a'), { type: 'player.ready', ready: true })).toMatchObject({
      ok: false,
      error: { code: 'wrong-phase' },
    });
    t.must(FACILITATOR, { type: 'session.brief' });
    t.must(player('a'), { type: 'player.ready', ready: true });
    expect(facilitatorView(t).players[0]?.ready).toBe(true);
    t.must(player('a'), { type: 'player.ready', ready: false });
    expect(facilitatorView(t).players[0]?.ready).toBe(false);
  });

  it('shows the facilitator the empty roles and the injects only they received', () => {
    const t = new Table(scenario).seatAndStart(['ic']);
    expect(facilitatorView(t).emptyRoles).toEqual(['sre', 'comms']);
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 10 });
    const page = t.state.revealed.find((r) => r.injectId === 'page');
    expect(page?.to).toEqual(['sre']);
    expect(facilitatorView(t).unheld).toEqual(['page']);
    t.must(FACILITATOR, { type: 'inject.reveal', injectId: 'exec' });
    // The VP's question reached the incident commander, so it is not the facilitator's alone.
    expect(facilitatorView(t).unheld).toEqual(['page']);
    t.must(FACILITATOR, { type: 'player.assign', playerId: 'p1', role: 'sre' });
    expect(facilitatorView(t).unheld).toEqual(['exec']);
  });

  it('pauses by itself only when the session allows it, and a resume clears it', () => {
    const t = new Table(scenario).seatAndStart(['ic']);
    t.must(SYSTEM, { type: 'session.autopause' });
    expect(phaseOf(t.state)).toBe('paused');
    expect(facilitatorView(t).autoPaused).toBe(true);
    expect(t.send(FACILITATOR, { type: 'session.autopause' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    t.must(FACILITATOR, { type: 'session.resume' });
    expect(facilitatorView(t).autoPaused).toBe(false);
    t.must(FACILITATOR, { type: 'table.configure', autoPause: false });
    expect(t.send(SYSTEM, { type: 'session.autopause' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(phaseOf(t.state)).toBe('running');
    const replayed = replay(scenario, 'seed', t.log, {
      scenarioHash: 'test',
      createdAt: 1_700_000_000_000,
      team: 'blue',
    });
    expect(replayed.ok && stateHash(replayed.state)).toBe(stateHash(t.state));
  });
});
