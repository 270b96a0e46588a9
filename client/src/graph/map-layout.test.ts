import { describe, expect, it } from 'vitest';
import { MAP_LINE, mapLayout, mergeEdges } from './map-layout.ts';

const node = (id: string, visited = false, current = false) => ({
  id,
  label: id,
  kind: 'scene' as const,
  outcome: null,
  visited,
  current,
});

describe('scenario map layout', () => {
  it('draws several choices between two scenes as one arrow, taken if any was', () => {
    const arrows = mergeEdges([
      { from: 'a', to: 'b', label: 'Roll back ✓', taken: false },
      { from: 'a', to: 'b', label: 'Look first', taken: true },
      { from: 'a', to: 'c', label: 'Wait', taken: false },
    ]);
    expect(arrows).toEqual([
      { id: 'e0', from: 'a', to: 'b', labels: ['Roll back ✓', 'Look first'], taken: true, text: 'Look first' },
      { id: 'e1', from: 'a', to: 'c', labels: ['Wait'], taken: false, text: null },
    ]);
  });

  it('gives label room only to the path taken', () => {
    const { layout } = mapLayout({
      nodes: [node('a', true), node('b', true, true), node('c')],
      edges: [
        { from: 'a', to: 'b', label: 'Taken road', taken: true },
        { from: 'a', to: 'c', label: 'Road not taken', taken: false },
      ],
    });
    const [taken, other] = layout.edges;
    expect(taken?.labelAt).not.toBeNull();
    expect(other?.labelAt).toBeNull();
  });

  it('makes room for the "now" marker inside the current box, so it covers no other label', () => {
    const edges = [{ from: 'a', to: 'b', label: 'On', taken: true }];
    const before = mapLayout({ nodes: [node('a', true), node('b')], edges }).layout.nodes.get('b');
    const now = mapLayout({ nodes: [node('a', true), node('b', true, true)], edges }).layout.nodes.get('b');
    expect((now?.height ?? 0) - (before?.height ?? 0)).toBe(MAP_LINE);
  });
});
