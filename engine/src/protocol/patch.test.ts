import { describe, expect, it } from 'vitest';
import { exampleScenario } from '../testing/example-scenario.ts';
import { FACILITATOR, Table, player } from '../testing/table.ts';
import { projectionFor } from '../views/view-for.ts';
import type { Projection } from '../views/view.ts';
import { applyPatch, diffProjection, foldPatch, type ViewPatch } from './patch.ts';

const scenario = exampleScenario();
const sre = { kind: 'role', role: 'sre' } as const;

describe('view patches', () => {
  it('carry only the new timeline entries and the fields that changed', () => {
    const t = new Table(scenario, 'patch').seatAndStart(['sre', 'ic']);
    const before = projectionFor(scenario, t.state, sre);
    t.must(player('p1'), { type: 'timeline.post', text: 'Dashboards are red' });
    t.must(player('p1'), { type: 'hand.raise', raised: true });
    const after = projectionFor(scenario, t.state, sre);
    const patch = diffProjection(before, after) as ViewPatch;
    expect(Object.keys(patch.set)).toEqual(['players']);
    expect(Object.keys(patch.append)).toEqual(['timeline']);
    expect(patch.append['timeline']).toHaveLength(1);
    expect(JSON.stringify(patch).length).toBeLessThan(JSON.stringify(after).length / 4);
    expect(applyPatch(before, patch)).toEqual(after);
  });

  it('send a list whole when it did not only grow', () => {
    const t = new Table(scenario, 'patch').seatAndStart(['sre']);
    const before = projectionFor(scenario, t.state, sre);
    const after = { ...before, timeline: before.timeline.slice(1) };
    const patch = diffProjection(before, after) as ViewPatch;
    expect(patch.append).toEqual({});
    expect(patch.set['timeline']).toEqual(after.timeline);
  });

  it('are empty when nothing the audience sees changed', () => {
    const t = new Table(scenario, 'patch').seatAndStart(['sre', 'ic']);
    const before = projectionFor(scenario, t.state, { kind: 'observer' });
    t.must(FACILITATOR, { type: 'coach', playerId: 'p1', text: 'Ask the IC for a decision' });
    expect(diffProjection(before, projectionFor(scenario, t.state, { kind: 'observer' }))).toEqual({ set: {}, append: {} });
  });

  it('will not patch one audience into another', () => {
    const t = new Table(scenario, 'patch').seatAndStart(['sre']);
    expect(diffProjection(projectionFor(scenario, t.state, sre), projectionFor(scenario, t.state, { kind: 'facilitator' }))).toBeNull();
    expect(diffProjection(projectionFor(scenario, t.state, sre), projectionFor(scenario, t.state, { kind: 'observer' }))).toBeNull();
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
