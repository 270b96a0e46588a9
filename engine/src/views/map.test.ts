import { describe, expect, it } from 'vitest';
import { asRoleId } from '../protocol/ids.ts';
import { exampleScenario } from '../testing/example-scenario.ts';
import { FACILITATOR, Table } from '../testing/table.ts';
import { projectionFor } from './view-for.ts';
import { conditionText } from './map.ts';

const scenario = exampleScenario();
const facilitatorMap = (t: Table) => projectionFor(scenario, t.state, { kind: 'facilitator' }).map;

describe('the scenario map', () => {
  it('shows the facilitator which ending a condition can reach from the current scene', () => {
    const t = new Table(scenario).seatAndStart(['sre']);
    expect(facilitatorMap(t).edges).toContainEqual({
      from: 'triage',
      to: 'timeboxed',
      label: 'when time ≥ 120 min',
      taken: false,
    });
  });

  it('draws the step into an ending reached by its condition, and a jump, as taken arrows for everyone', () => {
    const t = new Table(scenario).seatAndStart(['sre']);
    t.must(FACILITATOR, { type: 'scene.goto', sceneId: 'dashboards' });
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 120 });
    const player = projectionFor(scenario, t.state, { kind: 'role', role: asRoleId('sre') }).map;
    for (const map of [facilitatorMap(t), player]) {
      expect(map.edges).toContainEqual({
        from: 'triage',
        to: 'dashboards',
        label: 'Open the regional dashboards',
        taken: true,
      });
      expect(map.edges).toContainEqual({
        from: 'dashboards',
        to: 'timeboxed',
        label: 'when time ≥ 120 min',
        taken: true,
      });
    }
  });

  it('words every kind of condition', () => {
    expect(
      conditionText({
        all: [{ flag: 'rolled_back' }, { not: { visited: 'triage' } }, { any: [{ role_present: 'ic' }] }],
      }),
    ).toBe('rolled_back and not visited triage and ic present');
  });
});
