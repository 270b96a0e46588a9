import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACILITATOR, SYSTEM, Table, evaluator, exerciseScenario } from '../testing/index.ts';
import {
  changeStatusIn,
  retestedBy,
  trackedActions,
  trackerCsv,
  type StatusChange,
  type TrackedAction,
} from './corrective-tracker.ts';
import { consolidatedRating } from './ratings.ts';

/** A session of team `team` played to the debrief, with one corrective action per objective id given. */
function run(
  team: string,
  objectives: (string | null)[],
  rate: Record<string, 'P' | 'S' | 'M' | 'U'> = {},
  createdAt = 1_700_000_000_000,
): Table {
  const table = new Table(exerciseScenario(), 'seed', createdAt);
  table.state = { ...table.state, team };
  table.must(SYSTEM, { type: 'evaluator.join', evaluatorId: 'e1', name: 'Eve' });
  table.seatAndStart(['ic']);
  table.must(FACILITATOR, { type: 'session.end', outcome: 'success' });
  for (const [objective, rating] of Object.entries(rate))
    table.must(evaluator('e1'), { type: 'objective.rate', objective, rating, reason: 'seen' });
  objectives.forEach((objective, i) =>
    table.must(FACILITATOR, {
      type: 'corrective.add',
      issue: `Issue ${i}`,
      action: `Action ${i}`,
      objective,
      element: 'planning',
      priority: 'medium',
      owner: 'Owner',
      organisation: 'Org',
      due: '2031-06-30',
    }),
  );
  return table;
}

function tracked(table: Table, sessionId: string): TrackedAction[] {
  return trackedActions(table.state, sessionId, table.scenario.id, new Map());
}

const change: fc.Arbitrary<StatusChange> = fc.oneof(
  fc.constant({ status: 'open' as const }),
  fc.constant({ status: 'done' as const }),
  fc.string({ maxLength: 20 }).map((reason) => ({ status: 'wont-do' as const, reason })),
);

describe('corrective actions', () => {
  it('never lose, add or reorder an action, whatever status changes are made, accepted or refused', () => {
    const actions = tracked(run('blue', ['detect', 'restore', null, 'detect']), 's1');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -1, max: 4 }), change), { maxLength: 40 }), (changes) => {
        let list = actions;
        changes.forEach(([index, next], n) => {
          const key = list[index]?.key ?? 'no-such-key';
          const result = changeStatusIn(list, key, next, 1000 + n);
          if (result.ok) list = result.actions;
        });
        expect(list.map((a) => a.key)).toEqual(actions.map((a) => a.key));
        list.forEach((a, i) => {
          const { status: _s, reason: _r, statusAt: _t, ...kept } = a;
          const { status: _s0, reason: _r0, statusAt: _t0, ...was } = actions[i] as TrackedAction;
          expect(kept).toEqual(was);
          expect(a.status === 'wont-do').toBe(a.reason !== null && a.reason.length > 0);
        });
      }),
    );
  });

  it("refuse a won't-do without its reason", () => {
    const actions = tracked(run('blue', ['detect']), 's1');
    const result = changeStatusIn(actions, actions[0]?.key ?? '', { status: 'wont-do', reason: '  ' }, 5);
    expect(result.ok ? null : result.error.code).toBe('invalid');
  });

  it('are marked retested by a later run of the same team that rated the same objective', () => {
    const first = tracked(run('blue', ['detect', 'restore', null]), 'day1');
    const other = tracked(run('red', ['detect']), 'red1');
    const later = run('blue', [], { detect: 'S' }, 1_800_000_000_000);
    const ratings = new Map([['detect', consolidatedRating(later.state.exercise?.ratings ?? [], 'detect')]]);
    const marked = retestedBy([...first, ...other], {
      sessionId: 'day2',
      team: 'blue',
      createdAt: later.state.createdAt,
      at: later.state.lastAt,
      ratings,
    });
    expect(marked.map((a) => [a.key, a.retest?.sessionId, a.retest?.rating])).toEqual([['day1.ca6', 'day2', 'S']]);
    // Once retested, a third run leaves it be.
    expect(retestedBy(marked, { sessionId: 'day3', team: 'blue', createdAt: Infinity, at: 0, ratings })).toEqual([]);
  });

  it('export as a tracker CSV with Jira’s column names, formulas defused', () => {
    const table = run('blue', ['detect']);
    const [action] = tracked(table, 's1');
    const csv = trackerCsv([{ ...(action as TrackedAction), owner: '=HYPERLINK("x")' }]);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe(
      'Summary,Description,Issue Type,Priority,Assignee,Due Date,Start Date,Labels,Status,Component,External ID',
    );
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain('To Do');
  });
});
