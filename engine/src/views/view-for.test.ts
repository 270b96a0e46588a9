import { describe, expect, it } from 'vitest';
import { exampleScenario } from '../testing/example-scenario.ts';
import { FACILITATOR, Table, player } from '../testing/table.ts';
import { asRoleId } from '../protocol/ids.ts';
import { diffProjection } from '../protocol/patch.ts';
import { projectionFor, timelinePage } from './view-for.ts';
import { VIEW_WINDOWS, type FacilitatorView, type ViewAudience } from './view.ts';

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

describe('view parts made once per game snapshot', () => {
  it('match a projection made afresh after every kind of command, and are shared while nothing they read changed', () => {
    const t = new Table(scenario, 'parts').seatAndStart(['sre', 'ic']);
    const all: ViewAudience[] = [...audiences, { kind: 'role', role: asRoleId('ic') }];
    // A copy of the state shares no object with it, so nothing made for the state is found for it.
    const check = () => {
      for (const audience of all)
        expect(projectionFor(scenario, t.state, audience)).toEqual(
          projectionFor(scenario, structuredClone(t.state), audience),
        );
    };
    check();
    const steps: [Parameters<Table['must']>[0], Parameters<Table['must']>[1]][] = [
      [player('p1'), { type: 'choice.vote', choiceId: 'look' }],
      [player('p2'), { type: 'choice.vote', choiceId: 'hold' }],
      [FACILITATOR, { type: 'clock.advance', minutes: 7 }],
      [FACILITATOR, { type: 'inject.reveal', injectId: 'exec' }],
      [player('p1'), { type: 'hand.raise', raised: true }],
      [FACILITATOR, { type: 'scene.goto', sceneId: 'dashboards' }],
      [FACILITATOR, { type: 'clock.advance', minutes: 30 }],
      [player('p2'), { type: 'timeline.post', text: 'Still red' }],
    ];
    for (const [who, command] of steps) {
      t.must(who, command);
      check();
    }
    const before = projectionFor(scenario, t.state, { kind: 'facilitator' }) as FacilitatorView;
    t.must(player('p1'), { type: 'timeline.post', text: 'A line changes no clock, scene or choice' });
    const after = projectionFor(scenario, t.state, { kind: 'facilitator' }) as FacilitatorView;
    for (const part of ['clock', 'scene', 'choices', 'injectPlan', 'monitoring'] as const)
      expect(after[part], part).toBe(before[part]);
    expect(projectionFor(scenario, t.state, { kind: 'observer' }).clock).toBe(after.clock);
  });
});
