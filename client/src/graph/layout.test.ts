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

describe('layoutGraph drawing inside its bounds', () => {
  const layout = layoutGraph(
    [box('triage'), box('dashboards')],
    [
      { id: 'on', from: 'triage', to: 'dashboards', label: { width: 60, height: 14 } },
      { id: 'again', from: 'dashboards', to: 'dashboards', label: { width: 90, height: 14 } },
    ],
  );
  const node = layout.nodes.get('dashboards')!;
  const loop = layout.edges.find((e) => e.id === 'again')!;

  it('draws a scene that loops back to itself as a loop on its right side, starting and ending at the box', () => {
    const right = node.x + node.width / 2;
    expect(loop.points.length).toBe(4);
    expect(Math.abs((loop.points[0]?.x ?? 0) - right)).toBeLessThan(3);
    expect(Math.abs((loop.points.at(-1)?.x ?? 0) - right)).toBeLessThan(3);
    expect(loop.points.every((p) => p.x >= right - 0.01 && Math.abs(p.y - node.y) <= node.height / 2 + 8)).toBe(true);
    expect(loop.labelAt?.x).toBeGreaterThan(right);
  });

  it('keeps every node, edge point and label inside the width and height it reports', () => {
    const xs = [...layout.nodes.values()].flatMap((n) => [n.x - n.width / 2, n.x + n.width / 2]);
    const ys = [...layout.nodes.values()].flatMap((n) => [n.y - n.height / 2, n.y + n.height / 2]);
    for (const e of layout.edges) {
      xs.push(...e.points.map((p) => p.x));
      ys.push(...e.points.map((p) => p.y));
    }
    xs.push((loop.labelAt?.x ?? 0) + 90);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(layout.width);
    expect(Math.max(...ys)).toBeLessThanOrEqual(layout.height);
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
