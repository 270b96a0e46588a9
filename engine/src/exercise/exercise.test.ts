import { describe, expect, it } from 'vitest';
import { FACILITATOR, SYSTEM, Table, evaluator, exerciseScenario, player } from '../testing/index.ts';
import { replay } from '../session/replay.ts';
import { stateHash } from '../session/hash.ts';
import { projectionFor, viewFor } from '../views/view-for.ts';
import { asPlayerId } from '../protocol/ids.ts';

const NOTE = 'The SRE found the resolver change from the audit log in two minutes';

/** A table of three players and one evaluator, played to the debrief. */
function playedTable(): Table {
  const table = new Table(exerciseScenario());
  table.must(SYSTEM, { type: 'evaluator.join', evaluatorId: 'e1', name: 'Eve Evaluator' });
  table.seatAndStart(['ic', 'sre', 'comms']);
  table.must(FACILITATOR, { type: 'inject.reveal', injectId: 'exec' });
  table.must(evaluator('e1'), { type: 'observation.add', kind: 'strength', objective: 'detect', note: NOTE });
  table.must(FACILITATOR, { type: 'choice.apply', choiceId: 'look' });
  table.must(FACILITATOR, { type: 'session.end', outcome: 'partial' });
  return table;
}

describe('the evaluator seat', () => {
  it('pins an observation to both clocks, the scene and the newest inject', () => {
    const table = playedTable();
    const [observation] = table.state.exercise?.observations ?? [];
    expect(observation).toMatchObject({
      by: 'Eve Evaluator',
      kind: 'strength',
      objective: 'detect',
      note: NOTE,
      scene: 'triage',
      inject: { key: 'exec', text: 'The VP of sales asks for an ETA.' },
    });
    expect(observation?.at.game).toBe(0);
    expect(observation?.at.wall).toBeGreaterThan(table.state.createdAt);
  });

  it('shows observations to the facilitator and evaluators, and to no player of any role', () => {
    const table = playedTable();
    const scenario = table.scenario;
    expect(JSON.stringify(viewFor(scenario, table.state, { kind: 'facilitator' }))).toContain(NOTE);
    const evaluatorId = 'e1' as Parameters<typeof evaluator>[0];
    expect(JSON.stringify(viewFor(scenario, table.state, { kind: 'evaluator', evaluatorId } as never))).toContain(NOTE);
    for (const role of ['ic', 'sre', 'comms', null]) {
      const seen = JSON.stringify(projectionFor(scenario, table.state, { kind: 'role', role } as never));
      expect(seen).not.toContain(NOTE);
      expect(seen).not.toContain('observations');
    }
    expect(JSON.stringify(viewFor(scenario, table.state, { kind: 'observer' }))).not.toContain(NOTE);
    expect(
      JSON.stringify(viewFor(scenario, table.state, { kind: 'player', playerId: asPlayerId('p1') })),
    ).not.toContain(NOTE);
  });

  it('refuses every game command from an evaluator, and evaluator commands from anyone else', () => {
    const table = playedTable();
    const refusals = [
      table.send(evaluator('e1'), { type: 'timeline.post', text: 'hello' }),
      table.send(evaluator('e1'), { type: 'session.close' }),
      table.send(evaluator('e1'), { type: 'action-item.add', text: 'x' }),
      table.send(FACILITATOR, { type: 'objective.rate', objective: 'detect', rating: 'P', reason: 'x' }),
      table.send(player('p1'), { type: 'observation.add', kind: 'strength', objective: null, note: 'x' }),
      table.send(evaluator('e9'), { type: 'objective.rate', objective: 'detect', rating: 'P', reason: 'x' }),
    ];
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(Array(6).fill('forbidden'));
  });

  it('keeps each evaluator’s latest rating of an objective, and several evaluators side by side', () => {
    const table = playedTable();
    table.must(SYSTEM, { type: 'evaluator.join', evaluatorId: 'e2', name: 'Sam Second' });
    table.must(evaluator('e1'), { type: 'objective.rate', objective: 'detect', rating: 'M', reason: 'slow' });
    table.must(evaluator('e1'), { type: 'objective.rate', objective: 'detect', rating: 'S', reason: 'on reflection' });
    table.must(evaluator('e2'), { type: 'objective.rate', objective: 'detect', rating: 'P', reason: 'fine' });
    const ratings = table.state.exercise?.ratings.map((r) => [r.by, r.rating, r.reason]);
    expect(ratings).toEqual([
      ['Eve Evaluator', 'S', 'on reflection'],
      ['Sam Second', 'P', 'fine'],
    ]);
    const unknown = table.send(evaluator('e1'), {
      type: 'objective.rate',
      objective: 'nope',
      rating: 'P',
      reason: 'x',
    });
    expect(unknown.ok ? null : unknown.error.message).toMatch(/no objective 'nope'.*detect, restore/);
  });

  it('checks critical tasks from the game: a milestone late is missed, an unset flag is missed once the game is over', () => {
    const table = playedTable();
    const view = viewFor(table.scenario, table.state, { kind: 'facilitator' });
    const statuses =
      view.viewer === 'facilitator' ? view.exercise?.objectives.map((o) => o.tasks.map((t) => t.status)) : [];
    // Detected at game minute 5 (the look choice takes 5), within 15: met; the flag was never set.
    expect(statuses).toEqual([['met', 'judged'], ['missed']]);
  });
});

describe('the hot wash', () => {
  it('keeps anonymous forms without their author, one per player, and counts at most three votes each', () => {
    const table = new Table(exerciseScenario());
    table.must(FACILITATOR, { type: 'hotwash.configure', anonymous: true });
    table.seatAndStart(['ic', 'sre', 'comms']);
    table.must(FACILITATOR, { type: 'session.end', outcome: 'success' });
    for (const p of ['p1', 'p2', 'p3', 'p4'].slice(0, 3)) {
      table.must(player(p), { type: 'feedback.submit', wentWell: `${p} well`, toImprove: `${p} better`, rating: 4 });
    }
    const again = table.send(player('p1'), { type: 'feedback.submit', wentWell: 'a', toImprove: 'b', rating: 1 });
    expect(again.ok ? null : again.error.code).toBe('unavailable');
    expect(table.state.exercise?.hotwash.feedback.every((f) => f.by === null)).toBe(true);
    const areas = table.state.exercise?.hotwash.feedback.map((f) => f.id) ?? [];
    for (const area of areas) table.must(player('p1'), { type: 'area.vote', area, vote: true });
    const fourth = table.send(player('p1'), { type: 'area.vote', area: 'f999', vote: true });
    expect(fourth.ok ? null : fourth.error.code).toBe('not-found');
    table.must(player('p2'), { type: 'area.vote', area: areas[0] ?? '', vote: true });
    const shared = projectionFor(table.scenario, table.state, { kind: 'role', role: null } as never);
    expect(shared.hotwash?.areas.map((a) => a.votes)).toEqual([2, 1, 1]);
    expect(JSON.stringify(shared)).not.toContain('p1 well');
    const changed = table.send(FACILITATOR, { type: 'hotwash.configure', anonymous: false });
    expect(changed.ok ? null : changed.error.code).toBe('unavailable');
  });
});

describe('sign-off', () => {
  it('freezes the record: every later command is refused with who signed, and the log still replays', () => {
    const table = playedTable();
    table.must(FACILITATOR, {
      type: 'corrective.add',
      issue: 'Slow detection',
      action: 'Add a resolver alert',
      objective: 'detect',
      element: 'equipment',
      priority: 'high',
      owner: 'Platform lead',
      organisation: 'Platform',
      due: '2031-01-31',
    });
    table.must(FACILITATOR, { type: 'exercise.signoff', name: 'Fran Facilitator' });
    const later = [
      table.send(evaluator('e1'), { type: 'objective.rate', objective: 'detect', rating: 'P', reason: 'late' }),
      table.send(FACILITATOR, { type: 'timeline.post', text: 'after' }),
      table.send(SYSTEM, { type: 'player.join', playerId: 'p9', name: 'Late' }),
      table.send(FACILITATOR, { type: 'session.close' }),
    ];
    for (const result of later) {
      expect(result.ok ? null : result.error.code).toBe('frozen');
      expect(result.ok ? '' : result.error.message).toMatch(/signed off by Fran Facilitator/);
    }
    const rebuilt = replay(table.scenario, 'seed', table.log, {
      scenarioHash: 'test',
      createdAt: 1_700_000_000_000,
      team: 'blue',
    });
    expect(rebuilt.ok && stateHash(rebuilt.state)).toBe(stateHash(table.state));
  });

  it('refuses an improvement-plan row due before the day it is written', () => {
    const table = playedTable();
    const result = table.send(FACILITATOR, {
      type: 'corrective.add',
      issue: 'x',
      action: 'y',
      objective: null,
      element: 'training',
      priority: 'low',
      owner: 'o',
      organisation: 'org',
      due: '2020-02-28',
    });
    expect(result.ok ? null : result.error.code).toBe('invalid');
  });
});

describe('the plan under test', () => {
  it('adds objectives at creation after the scenario’s own, refusing an id the scenario has', () => {
    const table = new Table(exerciseScenario());
    const clash = table.send(FACILITATOR, {
      type: 'exercise.setup',
      plan: { name: 'IR plan', version: '3.2' },
      objectives: [{ id: 'detect', title: 'x', capability: 'y', critical_tasks: [{ id: 't', text: 'z' }] }],
    });
    expect(clash.ok ? null : clash.error.code).toBe('invalid');
    table.must(FACILITATOR, {
      type: 'exercise.setup',
      plan: { name: 'IR plan', version: '3.2' },
      objectives: [
        { id: 'escalate', title: 'Escalate', capability: 'Coordination', critical_tasks: [{ id: 't', text: 'z' }] },
      ],
    });
    const view = viewFor(table.scenario, table.state, { kind: 'facilitator' });
    expect(view.viewer === 'facilitator' && view.exercise?.objectives.map((o) => o.id)).toEqual([
      'detect',
      'restore',
      'escalate',
    ]);
    expect(view.viewer === 'facilitator' && view.exercise?.plan).toEqual({ name: 'IR plan', version: '3.2' });
  });
});
