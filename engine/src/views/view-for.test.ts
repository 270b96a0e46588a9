import { describe, expect, it } from 'vitest';
import { exampleScenario } from '../testing/example-scenario.ts';
import { FACILITATOR, Table, player } from '../testing/table.ts';
import { asRoleId } from '../protocol/ids.ts';
import { diffProjection } from '../protocol/patch.ts';
import { projectionFor, timelinePage } from './view-for.ts';
import { VIEW_WINDOWS, type ViewAudience } from './view.ts';

const scenario = exampleScenario();
const audiences: ViewAudience[] = [
  { kind: 'role', role: asRoleId('sre') },
  { kind: 'role', role: asRoleId('comms') },
  { kind: 'role', role: null },
  { kind: 'observer' },
  { kind: 'facilitator' },
];

/** What an audience sees of the whole timeline, counted afresh. */
const counted = (t: Table, audience: ViewAudience) => timelinePage(t.state, audience, Infinity, Infinity).length;
/** The newest entries an audience sees, found afresh: what its view's timeline window must hold. */
const windowOf = (t: Table, audience: ViewAudience) => timelinePage(t.state, audience, Infinity, VIEW_WINDOWS.timeline);

describe('timeline window and count', () => {
  it('hold what each audience sees along a run, after stepping back, and along another branch', () => {
    const t = new Table(scenario, 'count').seatAndStart(['sre', 'ic']);
    const check = () => {
      for (const audience of audiences) {
        const projection = projectionFor(scenario, t.state, audience);
        expect(projection.timelineCount).toBe(counted(t, audience));
        expect(projection.timeline).toEqual(windowOf(t, audience));
      }
    };
    check();
    const fork = t.state;
    // One branch: lines for all, an inject to comms and ic only, a private coaching note.
    t.must(FACILITATOR, { type: 'timeline.post', text: 'Dashboards are red' });
    check();
    t.must(FACILITATOR, { type: 'inject.reveal', injectId: 'exec' });
    check();
    t.must(FACILITATOR, { type: 'coach', playerId: 'p1', text: 'Say what you see' });
    t.must(player('p1'), { type: 'timeline.post', text: 'Looking' });
    check();
    const end = t.state;
    // Back to the fork and down another branch at least as long, unseen until its end: the counts
    // taken at the first branch's end must not carry over to it.
    t.state = fork;
    for (let i = 0; i < 6; i++) t.must(player('p2'), { type: 'timeline.post', text: `Other ${i}` });
    expect(t.state.timeline.length).toBeGreaterThanOrEqual(end.timeline.length);
    check();
    t.state = end;
    check();
    // Past the window's length, the oldest entries leave it.
    for (let i = 0; i < VIEW_WINDOWS.timeline + 5; i++)
      t.must(player('p1'), { type: 'timeline.post', text: `Line ${i}` });
    check();
  });

  it('keeps the very same window while the timeline is unchanged, so a patch leaves it out', () => {
    const t = new Table(scenario, 'same').seatAndStart(['sre', 'ic']);
    t.must(FACILITATOR, { type: 'timeline.post', text: 'Dashboards are red' });
    const before = audiences.map((audience) => projectionFor(scenario, t.state, audience));
    const lines = t.state.timeline;
    t.must(player('p1'), { type: 'choice.vote', choiceId: 'look' });
    expect(t.state.timeline).toBe(lines);
    audiences.forEach((audience, i) => {
      const after = projectionFor(scenario, t.state, audience);
      expect(after.timeline).toBe(before[i]?.timeline);
      const patch = diffProjection(before[i] as typeof after, after);
      expect(patch?.append).not.toHaveProperty('timeline');
      expect(patch?.set).not.toHaveProperty('timeline');
    });
  });
});
