import { describe, expect, it } from 'vitest';
import { exampleScenario } from '../testing/example-scenario.ts';
import { FACILITATOR, Table, player } from '../testing/table.ts';
import { asRoleId } from '../protocol/ids.ts';
import { projectionFor, timelinePage } from './view-for.ts';
import type { ViewAudience } from './view.ts';

const scenario = exampleScenario();
const audiences: ViewAudience[] = [
  { kind: 'role', role: asRoleId('sre') },
  { kind: 'role', role: asRoleId('comms') },
  { kind: 'role', role: null },
  { kind: 'observer' },
];

/** What a role sees of the whole timeline, counted afresh. */
const counted = (t: Table, audience: ViewAudience) => timelinePage(t.state, audience, Infinity, Infinity).length;

describe('timelineCount', () => {
  it('counts what each audience sees along a run, after stepping back, and along another branch', () => {
    const t = new Table(scenario, 'count').seatAndStart(['sre', 'ic']);
    const check = () => {
      for (const audience of audiences)
        expect(projectionFor(scenario, t.state, audience).timelineCount).toBe(counted(t, audience));
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
  });
});
