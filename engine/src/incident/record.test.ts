import { describe, expect, it } from 'vitest';
import { exampleScenario } from '../testing/example-scenario.ts';
import { FACILITATOR, Table } from '../testing/table.ts';
import { asSessionId } from '../protocol/ids.ts';
import { incidentRecord } from './record.ts';

describe('incidentRecord', () => {
  it('keeps the first signal the team could see, where their reaction time starts', () => {
    const t = new Table(exampleScenario()).seatAndStart(['ic', 'sre']);
    expect(incidentRecord(t.scenario, t.state, asSessionId('s1')).firstSignal).toBeNull();
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 12 });
    const record = incidentRecord(t.scenario, t.state, asSessionId('s1'));
    expect(record.firstSignal).toEqual({ kind: 'page', game: 12, wall: t.state.revealed[0]?.at.wall });
  });
});
