import { describe, expect, it } from 'vitest';
import { exampleScenario } from '../testing/example-scenario.ts';
import { FACILITATOR, SYSTEM, Table, player } from '../testing/table.ts';
import { projectionFor } from '../views/view-for.ts';
import { meFor } from '../views/me-view.ts';
import type { FacilitatorView } from '../views/view.ts';
import { stateHash } from './hash.ts';
import { SESSION_LIMITS } from './limits.ts';
import { asPlayerId, asRoleId } from '../protocol/ids.ts';
import { replay } from './replay.ts';

const scenario = exampleScenario();
const secretsOf = (t: Table, playerId: string) => meFor(scenario, t.state, asPlayerId(playerId)).role?.secrets ?? [];

describe('a player cannot collect the roles’ secrets', () => {
  it('holds a role’s secrets back in the lobby and hands them over with the briefing', () => {
    const t = new Table(scenario);
    t.must(SYSTEM, { type: 'player.join', playerId: 'p1', name: 'Ana' });
    t.must(player('p1'), { type: 'role.take', role: 'sre' });
    expect(meFor(scenario, t.state, asPlayerId('p1')).role?.name).toBe('On-call SRE');
    expect(secretsOf(t, 'p1')).toEqual([]);
    t.must(FACILITATOR, { type: 'session.brief' });
    expect(secretsOf(t, 'p1').length).toBeGreaterThan(0);
  });

  it('refuses role.take once the table is briefed, in every later phase', () => {
    const t = new Table(scenario).seatAndStart(['sre', 'ic']);
    const before = stateHash(t.state);
    expect(t.send(player('p1'), { type: 'role.take', role: 'ic' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-phase' },
    });
    t.must(FACILITATOR, { type: 'session.pause' });
    expect(t.send(player('p1'), { type: 'role.take', role: 'ic' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-phase' },
    });
    expect(meFor(scenario, t.state, asPlayerId('p1')).role?.id).toBe('sre');
    t.must(FACILITATOR, { type: 'session.resume' });
    expect(t.state.players[asPlayerId('p1')]?.role).toBe('sre');
    expect(stateHash(t.state)).not.toBe(before);
  });

  it('turns a change of role into a request that only the facilitator sees and answers', () => {
    const t = new Table(scenario).seatAndStart(['sre', 'ic']);
    const icSecrets = meFor(scenario, t.state, asPlayerId('p2')).role?.secrets;
    t.must(player('p1'), { type: 'role.request', role: 'ic' });
    expect(meFor(scenario, t.state, asPlayerId('p1'))).toMatchObject({ role: { id: 'sre' }, requestedRole: 'ic' });
    expect(secretsOf(t, 'p1')).not.toEqual(icSecrets);
    const facilitator = projectionFor(scenario, t.state, { kind: 'facilitator' }) as FacilitatorView;
    expect(facilitator.roleRequests).toEqual([{ playerId: 'p1', role: 'ic' }]);
    const shared = projectionFor(scenario, t.state, { kind: 'role', role: asRoleId('sre') });
    expect(JSON.stringify(shared)).not.toContain('asks to be');

    t.must(FACILITATOR, { type: 'role.decline', playerId: 'p1' });
    expect(meFor(scenario, t.state, asPlayerId('p1'))).toMatchObject({ role: { id: 'sre' }, requestedRole: null });

    t.must(player('p1'), { type: 'role.request', role: 'ic' });
    t.must(FACILITATOR, { type: 'player.assign', playerId: 'p1', role: 'ic' });
    expect(meFor(scenario, t.state, asPlayerId('p1'))).toMatchObject({ role: { id: 'ic' }, requestedRole: null });
    expect(secretsOf(t, 'p1')).toEqual(icSecrets);
  });
});

describe('ids from the wire are own keys, never prototype properties', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'refuses %s as a player id in every command that names one',
    (id) => {
      const t = new Table(scenario).seatAndStart(['sre', 'ic']);
      const before = stateHash(t.state);
      for (const payload of [
        { type: 'player.assign', playerId: id, role: 'ic' },
        { type: 'player.remove', playerId: id },
        { type: 'coach', playerId: id, text: 'hi' },
        { type: 'role.decline', playerId: id },
      ] as const) {
        expect(t.send(FACILITATOR, payload)).toMatchObject({ ok: false, error: { code: 'not-found' } });
      }
      expect(t.send(player(id), { type: 'timeline.post', text: 'ghost' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(stateHash(t.state)).toBe(before);
      expect(Object.keys(t.state.players)).toEqual(['p1', 'p2']);
      expect(t.state.game.context.rolesPresent).toEqual(['ic', 'sre']);
    },
  );
});

describe('a session’s budgets', () => {
  it('refuses typed text past the session’s limit with budget, and nothing changes', () => {
    const t = new Table(scenario).seatAndStart(['sre']);
    const line = 'x'.repeat(1000);
    let refused = null;
    for (let i = 0; i < SESSION_LIMITS.text / 1000 + 5 && refused === null; i++) {
      const result = t.send(player('p1'), { type: 'timeline.post', text: line });
      if (!result.ok) refused = result.error;
    }
    expect(refused).toMatchObject({ code: 'budget' });
    expect(t.state.textUsed).toBeLessThanOrEqual(SESSION_LIMITS.text);
    expect(t.state.textUsed).toBeGreaterThan(SESSION_LIMITS.text - 1000 - 200);
    // Votes carry no text and stay open to the table.
    expect(t.send(player('p1'), { type: 'choice.vote', choiceId: null }).ok).toBe(true);
  });

  it('seats at most SESSION_LIMITS.players players', () => {
    const t = new Table(scenario);
    for (let i = 0; i < SESSION_LIMITS.players; i++)
      t.must(SYSTEM, { type: 'player.join', playerId: `p${i}`, name: `P${i}` });
    expect(t.send(SYSTEM, { type: 'player.join', playerId: 'late', name: 'Late' })).toMatchObject({
      ok: false,
      error: { code: 'budget' },
    });
  });

  it('keeps a full timeline open to the facilitator and shut to players', () => {
    const t = new Table(scenario).seatAndStart(['sre']);
    while (t.state.timeline.length < SESSION_LIMITS.timeline)
      t.must(player('p1'), { type: 'hand.raise', raised: !t.state.players[asPlayerId('p1')]?.hand });
    expect(t.send(player('p1'), { type: 'action.propose', text: 'one more' })).toMatchObject({
      ok: false,
      error: { code: 'budget' },
    });
    expect(t.send(FACILITATOR, { type: 'timeline.post', text: 'The facilitator carries on' }).ok).toBe(true);
  });

  it('never refuses a logged command on replay, whatever the limits are now', () => {
    const t = new Table(scenario).seatAndStart(['sre']);
    t.must(player('p1'), { type: 'timeline.post', text: 'x'.repeat(500) });
    const over = { ...t.state, textUsed: SESSION_LIMITS.text };
    const again = replay(
      scenario,
      'seed',
      t.log.slice(-1),
      { scenarioHash: 'test', createdAt: 0 },
      { ...over, seq: t.state.seq - 1 },
    );
    expect(again.ok).toBe(true);
  });
});

describe('a hidden roll', () => {
  it('reaches only the facilitator until revealed, then every screen', () => {
    const t = new Table(scenario).seatAndStart(['sre']);
    t.must(FACILITATOR, { type: 'dice.roll', dice: 'd20', label: 'Does the cache hold?', physical: 17, hidden: true });
    const seq = t.state.rolls[0]?.seq ?? -1;
    const tableSees = () =>
      [
        projectionFor(scenario, t.state, { kind: 'role', role: asRoleId('sre') }),
        projectionFor(scenario, t.state, { kind: 'observer' }),
      ].map((v) => [v.rolls.length, JSON.stringify(v.timeline).includes('Does the cache hold?')]);
    expect(tableSees()).toEqual([
      [0, false],
      [0, false],
    ]);
    expect(projectionFor(scenario, t.state, { kind: 'facilitator' }).rolls).toMatchObject([
      { natural: 17, hidden: true },
    ]);
    expect(t.send(player('p1'), { type: 'dice.reveal', seq })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    t.must(FACILITATOR, { type: 'dice.reveal', seq });
    expect(tableSees()).toEqual([
      [1, true],
      [1, true],
    ]);
    expect(t.state.rolls[0]).not.toHaveProperty('hidden');
    expect(t.send(FACILITATOR, { type: 'dice.reveal', seq })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});
