import { describe, expect, it } from 'vitest';
import { exampleScenario } from '../testing/example-scenario.ts';
import { FACILITATOR, Table, player } from '../testing/table.ts';
import { projectionFor } from '../views/view-for.ts';
import { VIEW_WINDOWS, type Projection } from '../views/view.ts';
import { applyPatch, diffProjection, foldPatch, type ViewPatch } from './patch.ts';
import { asRoleId } from './ids.ts';

const scenario = exampleScenario();
const sre = { kind: 'role', role: asRoleId('sre') } as const;

describe('view patches', () => {
  it('carry only the new timeline entries and the fields that changed', () => {
    const t = new Table(scenario, 'patch').seatAndStart(['sre', 'ic']);
    const before = projectionFor(scenario, t.state, sre);
    t.must(player('p1'), { type: 'timeline.post', text: 'Dashboards are red' });
    t.must(player('p1'), { type: 'hand.raise', raised: true });
    const after = projectionFor(scenario, t.state, sre);
    const patch = diffProjection(before, after) as ViewPatch;
    // Player 1 is the first of two: only their item of the players list goes.
    expect(Object.keys(patch.set).sort()).toEqual(['players/0', 'timelineCount']);
    expect(Object.keys(patch.append)).toEqual(['timeline']);
    expect(patch.append['timeline']).toHaveLength(1);
    expect(JSON.stringify(patch).length).toBeLessThan(JSON.stringify(after).length / 4);
    expect(applyPatch(before, patch)).toEqual(after);
  });

  it('carry only the items of a list that changed, by index, while they are at most half of it', () => {
    const seats = Array.from({ length: 10 }, (_, i) => (i % 2 ? 'ic' : 'sre'));
    const t = new Table(scenario, 'patch').seatAndStart(seats);
    const before = projectionFor(scenario, t.state, sre);
    t.must(player('p4'), { type: 'hand.raise', raised: true });
    const after = projectionFor(scenario, t.state, sre);
    const patch = diffProjection(before, after) as ViewPatch;
    expect(patch.set).toEqual({ 'players/3': after.players[3] });
    expect(JSON.stringify(patch).length).toBeLessThan(JSON.stringify(after.players).length / 4);
    const applied = applyPatch(before, patch);
    expect(applied).toEqual(after);
    // The list is copied, not changed in place: the viewer's last projection stays as it was.
    expect(before.players[3]?.hand).toBe(false);
    expect(applied?.players[0]).toBe(before.players[0]);

    const hands = ['p1', 'p2', 'p3', 'p5', 'p6', 'p7'];
    for (const id of hands) t.must(player(id), { type: 'hand.raise', raised: true });
    const many = diffProjection(after, projectionFor(scenario, t.state, sre)) as ViewPatch;
    expect(Object.keys(many.set)).toEqual(['players']);
  });

  it('do not fit a projection whose list has no item at the path', () => {
    const t = new Table(scenario, 'patch').seatAndStart(['sre', 'ic']);
    const view = projectionFor(scenario, t.state, sre);
    const item = view.players[0];
    for (const path of ['players/2', 'players/-1', 'players/x', 'players/', 'phase/0', 'nothing/0'])
      expect(applyPatch(view, { set: { [path]: item }, append: {} }), path).toBeNull();
    expect(applyPatch(view, { set: { 'players/1': item }, append: {} })?.players).toEqual([item, item]);
  });

  it('send a list whole when it did not only grow or move on', () => {
    const t = new Table(scenario, 'patch').seatAndStart(['sre']);
    const before = projectionFor(scenario, t.state, sre);
    const after = { ...before, timeline: [...before.timeline.slice(0, 1), ...before.timeline.slice(2)] };
    const patch = diffProjection(before, after) as ViewPatch;
    expect(patch.append).toEqual({});
    expect(patch.set['timeline']).toEqual(after.timeline);
  });

  it('move a full window on by what fell off its start and what was added', () => {
    const t = new Table(scenario, 'patch').seatAndStart(['sre']);
    for (let i = 0; i < VIEW_WINDOWS.timeline; i++) t.must(FACILITATOR, { type: 'timeline.post', text: `Line ${i}` });
    const before = projectionFor(scenario, t.state, sre);
    t.must(player('p1'), { type: 'timeline.post', text: 'One more' });
    t.must(FACILITATOR, { type: 'timeline.post', text: 'And another' });
    const after = projectionFor(scenario, t.state, sre);
    expect(after.timeline).toHaveLength(VIEW_WINDOWS.timeline);
    expect(after.timelineCount).toBe(before.timelineCount + 2);
    const patch = diffProjection(before, after) as ViewPatch;
    expect(patch.drop).toEqual({ timeline: 2 });
    expect(patch.append['timeline']?.map((e) => (e as { text: string }).text)).toEqual(['One more', 'And another']);
    expect(patch.set['timeline']).toBeUndefined();
    expect(JSON.parse(JSON.stringify(applyPatch(before, patch)))).toEqual(JSON.parse(JSON.stringify(after)));
    expect(applyPatch(before, { set: {}, append: {}, drop: { timeline: VIEW_WINDOWS.timeline + 1 } })).toBeNull();
  });

  it('compare a field as its JSON reads: keys holding undefined do not count, key order does', () => {
    const t = new Table(scenario, 'patch').seatAndStart(['sre']);
    const view = projectionFor(scenario, t.state, sre);
    const clock = view.clock as unknown as Record<string, unknown>;
    const withHole = (extra: Record<string, unknown>) => ({
      ...view,
      clock: { ...clock, ...extra } as typeof view.clock,
    });
    const changed = (after: Projection) => Object.keys((diffProjection(view, after) as ViewPatch).set);
    expect(changed(withHole({ hint: undefined }))).toEqual([]);
    expect(changed({ ...view, clock: { hint: undefined, ...clock } as unknown as typeof view.clock })).toEqual([]);
    expect(changed(withHole({ hint: 'later' }))).toEqual(['clock']);
    const [first, ...rest] = Object.keys(clock);
    const reordered = Object.fromEntries([...rest, first as string].map((k) => [k, clock[k]]));
    expect(changed({ ...view, clock: reordered as typeof view.clock })).toEqual(['clock']);
    const { [first as string]: _dropped, ...fewer } = clock;
    expect(changed({ ...view, clock: { ...fewer, [first as string]: undefined } as typeof view.clock })).toEqual([
      'clock',
    ]);
  });

  it('are empty when nothing the audience sees changed', () => {
    const t = new Table(scenario, 'patch').seatAndStart(['sre', 'ic']);
    const before = projectionFor(scenario, t.state, { kind: 'observer' });
    t.must(FACILITATOR, { type: 'coach', playerId: 'p1', text: 'Ask the IC for a decision' });
    expect(diffProjection(before, projectionFor(scenario, t.state, { kind: 'observer' }))).toEqual({
      set: {},
      append: {},
    });
  });

  it('will not patch one audience into another', () => {
    const t = new Table(scenario, 'patch').seatAndStart(['sre']);
    expect(
      diffProjection(projectionFor(scenario, t.state, sre), projectionFor(scenario, t.state, { kind: 'facilitator' })),
    ).toBeNull();
    expect(
      diffProjection(projectionFor(scenario, t.state, sre), projectionFor(scenario, t.state, { kind: 'observer' })),
    ).toBeNull();
  });

  it('do not apply to a view they were not made from, nor touch a prototype', () => {
    const t = new Table(scenario, 'patch').seatAndStart(['sre']);
    const view: Projection = projectionFor(scenario, t.state, sre);
    expect(applyPatch(view, { set: { nonsense: 1 }, append: {} })).toBeNull();
    expect(applyPatch(view, { set: {}, append: { phase: ['x'] } })).toBeNull();
    expect(applyPatch(view, { set: {}, append: { timeline: 'x' as unknown as unknown[] } })).toBeNull();
    const hostile = JSON.parse('{"set":{"__proto__":{"polluted":true}},"append":{}}') as ViewPatch;
    expect(applyPatch(view, hostile)).toBeNull();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('fold into the projection a viewer holds only when made from its seq', () => {
    const t = new Table(scenario, 'patch').seatAndStart(['sre']);
    const held = { seq: t.state.seq, view: projectionFor(scenario, t.state, sre) };
    t.must(player('p1'), { type: 'timeline.post', text: 'Rolling back' });
    const patch = diffProjection(held.view, projectionFor(scenario, t.state, sre)) as ViewPatch;
    const message = { seq: t.state.seq, base: held.seq, patch };
    expect(foldPatch(held, message)).toEqual({ seq: t.state.seq, view: projectionFor(scenario, t.state, sre) });
    expect(foldPatch({ seq: t.state.seq, view: held.view }, message)).toBe('stale');
    expect(foldPatch(held, { ...message, base: held.seq - 1 })).toBeNull();
    expect(foldPatch(null, message)).toBeNull();
    expect(foldPatch(held, { ...message, patch: { set: { nonsense: 1 }, append: {} } })).toBeNull();
  });
});
