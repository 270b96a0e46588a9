import { describe, expect, it } from 'vitest';
import { layoutGraph, pathOf, wrapLabel } from './layout.ts';

const box = (id: string) => ({ id, width: 100, height: 40 });

describe('layoutGraph', () => {
  it('places a dependency below what depends on it, without overlaps', () => {
    const layout = layoutGraph(
      [box('checkout'), box('edge'), box('resolver')],
      [
        { id: 'e1', from: 'checkout', to: 'edge' },
        { id: 'e2', from: 'checkout', to: 'resolver' },
      ],
    );
    const at = (id: string) => layout.nodes.get(id)!;
    expect(at('edge').y).toBeGreaterThan(at('checkout').y);
    expect(at('resolver').y).toBeGreaterThan(at('checkout').y);
    expect(Math.abs(at('edge').x - at('resolver').x)).toBeGreaterThanOrEqual(100);
    expect(layout.edges).toHaveLength(2);
    expect(layout.edges.every((e) => e.points.length >= 2)).toBe(true);
    expect(layout.width).toBeGreaterThan(200);
  });

  it('keeps parallel edges and self-loops, and drops edges to unknown nodes', () => {
    const layout = layoutGraph(
      [box('a'), box('b')],
      [
        { id: 'x', from: 'a', to: 'b', label: { width: 40, height: 14 } },
        { id: 'y', from: 'a', to: 'b', label: { width: 40, height: 14 } },
        { id: 'loop', from: 'a', to: 'a' },
        { id: 'ghost', from: 'a', to: 'nowhere' },
      ],
    );
    expect(layout.edges.map((e) => e.id)).toEqual(['x', 'y', 'loop']);
    expect(layout.edges[0]?.labelAt).not.toBeNull();
    expect(layout.edges[2]?.labelAt).toBeNull();
  });

  it('lays out the same graph the same way twice', () => {
    const input = [
      [box('a'), box('b'), box('c')],
      [
        { id: '1', from: 'a', to: 'b' },
        { id: '2', from: 'a', to: 'c' },
      ],
    ] as const;
    const one = layoutGraph(...input);
    const two = layoutGraph(...input);
    expect([...one.nodes.values()]).toEqual([...two.nodes.values()]);
  });
});

describe('wrapLabel', () => {
  it('wraps at spaces and cuts words longer than a line', () => {
    expect(wrapLabel('Roll back the DNS change', 10)).toEqual(['Roll back', 'the DNS', 'change']);
    expect(wrapLabel('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
  });

  it('marks dropped text with an ellipsis', () => {
    expect(wrapLabel('one two three four five six', 7, 2)).toEqual(['one two', 'three…']);
  });
});

describe('pathOf', () => {
  it('draws a polyline, or nothing for a single point', () => {
    expect(
      pathOf([
        { x: 0, y: 0 },
        { x: 10, y: 5 },
      ]),
    ).toBe('M0.0,0.0 L10.0,5.0');
    expect(pathOf([{ x: 1, y: 1 }])).toBe('');
  });
});
