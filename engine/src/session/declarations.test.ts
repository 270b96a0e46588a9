import { describe, expect, it } from 'vitest';
import { asSessionId } from '../protocol/ids.ts';
import { incidentRecord } from '../incident/record.ts';
import { exampleScenario } from '../testing/example-scenario.ts';
import { FACILITATOR, SYSTEM, Table, player } from '../testing/table.ts';
import { viewFor } from '../views/view-for.ts';
import { replay } from './replay.ts';
import { stateHash } from './hash.ts';
import { CURRENT_RULES } from './rules.ts';

// The example scenario with its incident commander marked, as the shipped scenarios mark theirs.
const base = exampleScenario();
const scenario = { ...base, roles: base.roles.map((r) => (r.id === 'ic' ? { ...r, commander: true } : r)) };

/** A table opened as the server opens one: the current rules first, then sre (p1), ic (p2), comms (p3). */
function table(): Table {
  const t = new Table(scenario);
  t.must(SYSTEM, { type: 'session.rules', rules: CURRENT_RULES });
  return t.seatAndStart(['sre', 'ic', 'comms']);
}

const sre = player('p1');
const ic = player('p2');
const comms = player('p3');

describe('declarations under the current rules', () => {
  it("keeps a player's declared incident waiting for the facilitator, and one at a time", () => {
    const t = table();
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 7 });
    t.must(sre, { type: 'incident.declare', kind: 'incident', source: 'dashboard' });
    expect(t.state.milestones.detected).toBeUndefined();
    expect(t.state.declarations[0]).toMatchObject({ status: 'pending', source: 'dashboard', at: { game: 7 } });
    expect(t.state.timeline.at(-1)?.text).toBe('Player 1 declares an incident (waiting for the facilitator)');
    expect(t.send(comms, { type: 'incident.declare', kind: 'incident' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: 'A declaration of an incident is already waiting for the facilitator.' },
    });
  });

  it('sets detection at the minute of the declaration, with its alert, once the facilitator confirms', () => {
    const t = table();
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 11 });
    t.must(sre, { type: 'incident.declare', kind: 'incident', source: 'alert', alert: 'page' });
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 4 });
    const id = t.state.declarations[0]?.id ?? '';
    expect(t.send(sre, { type: 'declaration.confirm', declarationId: id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    t.must(FACILITATOR, { type: 'declaration.confirm', declarationId: id });
    expect(t.state.milestones.detected).toMatchObject({
      game: 11,
      source: 'monitoring',
      declared: { id, by: 'Player 1', role: 'On-call SRE', told: 'alert', alert: 'page', confirmedBy: 'facilitator' },
    });
    expect(t.state.declarations[0]).toMatchObject({ status: 'confirmed', answer: { minute: 11, at: { game: 15 } } });
    const record = incidentRecord(scenario, t.state, asSessionId('s'));
    expect((record.milestones.detected?.game ?? 0) - (record.milestones.started?.game ?? 0)).toBe(6);
    expect(record.detectionSource).toBe('monitoring');
    expect(record.milestones.detected?.declared?.by).toBe('Player 1');
  });

  it('lets the facilitator override the source and the minute, within the fault and the present', () => {
    const t = table();
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 20 });
    t.must(comms, { type: 'incident.declare', kind: 'incident', source: 'other', note: 'Support is noisy' });
    const id = t.state.declarations[0]?.id ?? '';
    const confirm = (extra: object) =>
      t.send(FACILITATOR, { type: 'declaration.confirm', declarationId: id, ...extra });
    expect(confirm({ minute: 25 })).toMatchObject({ ok: false, error: { code: 'invalid', message: /later than now/ } });
    expect(confirm({ minute: 3 })).toMatchObject({ ok: false, error: { message: /before the fault began \(02:05\)/ } });
    expect(confirm({ source: 'dashboard', alert: 'page' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    t.must(FACILITATOR, { type: 'declaration.confirm', declarationId: id, source: 'customer', minute: 18 });
    expect(t.state.milestones.detected).toMatchObject({
      game: 18,
      source: 'customer',
      declared: { told: 'customer', alert: null, by: 'Player 3' },
    });
    expect(t.state.declarations[0]?.answer).toMatchObject({ minute: 18, source: 'customer' });
  });

  it('rejects with a reason the table reads, and then takes a new declaration', () => {
    const t = table();
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 8 });
    t.must(sre, { type: 'incident.declare', kind: 'incident' });
    const id = t.state.declarations[0]?.id ?? '';
    t.must(FACILITATOR, { type: 'declaration.reject', declarationId: id, reason: 'That spike is the nightly batch' });
    expect(t.state.declarations[0]).toMatchObject({
      status: 'rejected',
      answer: { minute: null, reason: 'That spike is the nightly batch' },
    });
    expect(t.state.milestones.detected).toBeUndefined();
    const seen = viewFor(scenario, t.state, { kind: 'player', playerId: 'p3' as never });
    expect(seen.timeline.at(-1)?.text).toBe(
      "The facilitator did not confirm Player 1's declaration of an incident: That spike is the nightly batch",
    );
    expect(t.send(FACILITATOR, { type: 'declaration.confirm', declarationId: id })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    t.must(sre, { type: 'incident.declare', kind: 'incident' });
    expect(t.state.declarations[1]?.status).toBe('pending');
  });

  it("sets the milestone at once for the incident commander's declaration, and refuses one after it", () => {
    const t = table();
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 9 });
    t.must(ic, { type: 'incident.declare', kind: 'incident', source: 'customer' });
    expect(t.state.declarations[0]?.status).toBe('accepted');
    expect(t.state.milestones.detected).toMatchObject({
      game: 9,
      source: 'customer',
      declared: { role: 'Incident Commander', confirmedBy: 'commander' },
    });
    expect(t.send(sre, { type: 'incident.declare', kind: 'incident' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: 'The incident is already recorded, at 02:09.' },
    });
    t.must(ic, { type: 'incident.declare', kind: 'resolved' });
    expect(t.state.milestones.resolved).toMatchObject({ game: 9, source: 'team' });
  });

  it('keeps a declared mitigation pending, then sets it at its minute when confirmed', () => {
    const t = table();
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 30 });
    t.must(sre, { type: 'incident.declare', kind: 'mitigated' });
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 5 });
    expect(t.state.milestones.mitigated).toBeUndefined();
    t.must(FACILITATOR, { type: 'declaration.confirm', declarationId: t.state.declarations[0]?.id ?? '' });
    expect(t.state.milestones.mitigated).toMatchObject({ game: 30, source: 'team', declared: { by: 'Player 1' } });
  });

  it('corrects detection a scene marked later when the facilitator confirms the earlier declaration', () => {
    const t = table();
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 6 });
    t.must(sre, { type: 'incident.declare', kind: 'incident', source: 'customer' });
    t.must(ic, { type: 'choice.apply', choiceId: 'look' });
    expect(t.state.milestones.detected).toMatchObject({ game: 11, source: 'monitoring' });
    t.must(FACILITATOR, { type: 'declaration.confirm', declarationId: t.state.declarations[0]?.id ?? '' });
    expect(t.state.milestones.detected).toMatchObject({ game: 6, source: 'customer' });
    expect(t.state.timeline.at(-1)?.text).toBe(
      "Detected at 02:06 (customer): Player 1's declaration, confirmed by the facilitator, corrected from 02:11 (monitoring)",
    );
  });

  it('lets a player name only a page their role received', () => {
    const t = table();
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 12 });
    expect(t.send(comms, { type: 'incident.declare', kind: 'incident', source: 'alert', alert: 'page' })).toMatchObject(
      { ok: false, error: { code: 'not-found' } },
    );
    expect(
      t.send(sre, { type: 'incident.declare', kind: 'incident', source: 'customer', alert: 'page' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('takes its rules only from the server, in the first step, and replays by them', () => {
    const t = new Table(scenario);
    expect(t.send(FACILITATOR, { type: 'session.rules', rules: 2 })).toMatchObject({ error: { code: 'forbidden' } });
    t.must(SYSTEM, { type: 'player.join', playerId: 'p1', name: 'Ana' });
    expect(t.send(SYSTEM, { type: 'session.rules', rules: 2 })).toMatchObject({ error: { code: 'unavailable' } });
    expect(t.state.rules).toBe(1);

    const played = table();
    played.must(FACILITATOR, { type: 'clock.advance', minutes: 8 });
    played.must(sre, { type: 'incident.declare', kind: 'incident' });
    const again = replay(scenario, 'seed', played.log, {
      scenarioHash: 'test',
      createdAt: 1_700_000_000_000,
      team: 'blue',
    });
    expect(again.ok && stateHash(again.state)).toBe(stateHash(played.state));
    expect(again.ok && again.state.rules).toBe(CURRENT_RULES);
  });

  it('plays a log without the rules step by the first rules: a declared incident is detection at once', () => {
    const t = new Table(scenario).seatAndStart(['sre']);
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 7 });
    t.must(sre, { type: 'incident.declare', kind: 'incident', source: 'dashboard' });
    expect(t.state.declarations[0]?.status).toBe('accepted');
    expect(t.state.milestones.detected).toEqual({ game: 7, wall: t.state.lastAt, source: 'monitoring' });
  });
});
