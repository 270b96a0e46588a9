import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { practiceRecord } from '../testing/sample-incidents.ts';
import type { RunAnnotation } from './annotation.ts';
import { NO_TEAM } from './compare.ts';
import { trendsOf } from './trends.ts';

const DAY = 86_400_000;
const scenario = (id: string, title: string) => ({ scenario: { id, title, hash: 'h' } });
const leaveOut = (sessionId: string, reason = 'training run'): RunAnnotation => ({
  sessionId,
  note: null,
  excluded: true,
  reason,
  at: 0,
});

describe('trends per team per scenario', () => {
  it("draws each team's runs oldest first against the median of the scenario's own runs", () => {
    const trends = trendsOf(
      [
        practiceRecord({ start: 2 * DAY, detect: 20, team: 'blue' }),
        practiceRecord({ start: 0, detect: 40, team: 'blue' }),
        practiceRecord({ start: DAY, detect: 30, team: 'red' }),
        practiceRecord({ start: 3 * DAY, team: 'red' }),
        practiceRecord({ start: 0, detect: 2, ...scenario('easy', 'An easy one') }),
      ],
      'mttd',
    );
    expect(trends.map((t) => t.scenario.title)).toEqual(['An easy one', 'DNS']);
    const dns = trends[1];
    expect(dns).toMatchObject({ baseline: 30, runs: 4, reached: 3, unit: 'game-minutes' });
    expect(dns?.teams.map((t) => [t.team, t.points.map((p) => p.value)])).toEqual([
      ['blue', [40, 20]],
      ['red', [30, null]],
    ]);
    // The easy scenario's two-minute detection is its own baseline, not the DNS one's.
    expect(trends[0]?.baseline).toBe(2);
  });

  it('keeps the baseline over every team when the filter picks one team, and names runs without a team', () => {
    const records = [
      practiceRecord({ start: 0, detect: 10, team: 'blue' }),
      practiceRecord({ start: DAY, detect: 50, team: null }),
      practiceRecord({ start: 2 * DAY, detect: 30, team: 'blue' }),
    ];
    const [blue] = trendsOf(records, 'mttd', { team: 'blue' });
    expect(blue?.teams.map((t) => t.team)).toEqual(['blue']);
    expect(blue?.baseline).toBe(30);
    expect(trendsOf(records, 'mttd')[0]?.teams.map((t) => t.team)).toEqual([NO_TEAM, 'blue'].sort());
    expect(trendsOf(records, 'mttd', { team: 'green' })).toEqual([]);
  });

  it('leaves out of lines and baseline the runs a facilitator excluded', () => {
    const records = [practiceRecord({ start: 0, detect: 10 }), practiceRecord({ start: DAY, detect: 90 })];
    const [t] = trendsOf(records, 'mttd', {}, [leaveOut(`s${DAY}`)]);
    expect(t).toMatchObject({ baseline: 10, runs: 1 });
    expect(t?.teams[0]?.points.map((p) => p.sessionId)).toEqual(['s0']);
  });

  it('draws every counted run exactly once, reached or not', () => {
    const run = fc.record({
      start: fc.integer({ min: 0, max: 100 * DAY }),
      detect: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
      team: fc.constantFrom('blue', 'red', null),
      scenario: fc.constantFrom('a', 'b'),
      excluded: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.uniqueArray(run, { selector: (r) => r.start, maxLength: 25 }), (runs) => {
        const records = runs.map((r) => practiceRecord({ ...r, ...scenario(r.scenario, r.scenario.toUpperCase()) }));
        const annotations = runs.filter((r) => r.excluded).map((r) => leaveOut(`s${r.start}`));
        const trends = trendsOf(records, 'mttd', {}, annotations);
        const drawn = trends.flatMap((t) => t.teams.flatMap((team) => team.points.map((p) => p.sessionId)));
        expect(drawn.sort()).toEqual(
          runs
            .filter((r) => !r.excluded)
            .map((r) => `s${r.start}`)
            .sort(),
        );
        for (const t of trends) expect(t.reached).toBeLessThanOrEqual(t.runs);
      }),
    );
  });
});
