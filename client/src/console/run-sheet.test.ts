import { describe, expect, it } from 'vitest';
import { FACILITATOR, exampleScenario, player, projectionFor, Table } from '@chaos-quest/engine/testing';
import type { FacilitatorView } from '@chaos-quest/engine';
import { runSheet } from './run-sheet.ts';

const scenario = exampleScenario();
const sheetOf = (t: Table) => runSheet(projectionFor(scenario, t.state, { kind: 'facilitator' }) as FacilitatorView);

describe('the run sheet', () => {
  it('lists the injects to come, soonest first, and who has not voted', () => {
    const t = new Table(scenario, 'run-sheet').seatAndStart(['sre', 'ic']);
    const sheet = sheetOf(t);
    expect(sheet.upcoming.map((i) => [i.id, i.at])).toEqual([
      ['page', 10],
      ['tweet', 20],
      ['exec', null],
    ]);
    expect(sheet.notVoted).toEqual(['Player 1', 'Player 2']);
    t.must(player('p1'), { type: 'choice.vote', choiceId: 'look' });
    expect(sheetOf(t).notVoted).toEqual(['Player 2']);
  });

  it('keeps an unanswered page and a declaration to confirm until they are dealt with', () => {
    const t = new Table(scenario, 'run-sheet').seatAndStart(['sre']);
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 10 });
    t.must(player('p1'), { type: 'incident.declare', kind: 'mitigated' });
    const sheet = sheetOf(t);
    expect(sheet.upcoming.map((i) => i.id)).not.toContain('page');
    expect(sheet.unacknowledged.map((i) => i.key)).toEqual(['page']);
    expect(sheet.toConfirm.map((d) => d.kind)).toEqual(['mitigated']);
    t.must(player('p1'), { type: 'inject.ack', key: 'page' });
    t.must(FACILITATOR, { type: 'declaration.confirm', declarationId: sheet.toConfirm[0]?.id ?? '' });
    expect(sheetOf(t)).toMatchObject({ unacknowledged: [], toConfirm: [] });
  });
});
