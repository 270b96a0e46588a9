import { describe, expect, it } from 'vitest';
import { exampleScenario } from '../../testing/example-scenario.ts';
import { FACILITATOR, SYSTEM, Table, player } from '../../testing/table.ts';
import { SESSION_LIMITS } from '../limits.ts';
import { viewFor } from '../../views/view-for.ts';

function inDebrief(): Table {
  const t = new Table(exampleScenario()).seatAndStart(['sre', 'ic']);
  t.must(FACILITATOR, { type: 'session.end', outcome: 'partial' });
  return t;
}

describe('debrief notes', () => {
  it('are written by the facilitator and by players in any role, and every seat sees them', () => {
    const t = inDebrief();
    t.must(player('p1'), { type: 'debrief.note', kind: 'went-well', text: 'Paging worked' });
    t.must(player('p2'), { type: 'debrief.note', kind: 'hard', text: 'Two dashboards disagreed' });
    t.must(FACILITATOR, { type: 'debrief.note', kind: 'lucky', text: 'Low traffic hour' });
    expect(t.state.debriefNotes.map((n) => [n.kind, n.text, n.by])).toEqual([
      ['went-well', 'Paging worked', 'Player 1'],
      ['hard', 'Two dashboards disagreed', 'Player 2'],
      ['lucky', 'Low traffic hour', 'Facilitator'],
    ]);
    const observer = viewFor(t.scenario, t.state, { kind: 'observer' });
    expect(observer.debriefNotes.map((n) => n.text)).toEqual([
      'Paging worked',
      'Two dashboards disagreed',
      'Low traffic hour',
    ]);
    expect(t.state.timeline.at(-1)?.text).toBe('We got lucky: Low traffic hour');
  });

  it('are refused before the debrief, from the server itself, and of an unknown kind or empty', () => {
    const t = new Table(exampleScenario()).seatAndStart(['sre']);
    expect(t.send(player('p1'), { type: 'debrief.note', kind: 'hard', text: 'too early' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-phase' },
    });
    t.must(FACILITATOR, { type: 'session.end', outcome: 'failure' });
    expect(t.send(SYSTEM, { type: 'debrief.note', kind: 'hard', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(t.send(player('p1'), { type: 'debrief.note', kind: 'blame', text: 'x' } as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(t.send(player('p1'), { type: 'debrief.note', kind: 'hard', text: '   ' })).toMatchObject({ ok: false });
    expect(t.send(player('p1'), { type: 'debrief.note', kind: 'hard', text: 'x'.repeat(501) })).toMatchObject({
      ok: false,
    });
    t.must(FACILITATOR, { type: 'session.close' });
    expect(t.send(FACILITATOR, { type: 'debrief.note', kind: 'hard', text: 'after' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-phase' },
    });
  });

  it('count against the session’s typed-text budget', () => {
    const t = inDebrief();
    t.state = { ...t.state, textUsed: SESSION_LIMITS.text - 5 };
    expect(t.send(player('p1'), { type: 'debrief.note', kind: 'hard', text: 'six ch' })).toMatchObject({
      ok: false,
      error: { code: 'budget' },
    });
    t.must(player('p1'), { type: 'debrief.note', kind: 'hard', text: 'five!' });
  });
});

describe('action items', () => {
  it('take an optional priority beside the owner, and a known one only', () => {
    const t = inDebrief();
    t.must(player('p1'), { type: 'action-item.add', text: 'Alert on staleness', owner: 'Platform', priority: 'high' });
    t.must(player('p1'), { type: 'action-item.add', text: 'Write the runbook' });
    expect(t.state.actionItems.map((a) => [a.owner, a.priority])).toEqual([
      ['Platform', 'high'],
      [null, undefined],
    ]);
    expect(t.send(player('p1'), { type: 'action-item.add', text: 'x', priority: 'urgent' } as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });
});
