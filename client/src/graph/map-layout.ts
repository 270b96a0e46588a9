import type { MapEdge, MapNode } from '@chaos-quest/engine';
import { layoutGraph, textWidth, wrapLabel, type Layout } from './layout.ts';

export const MAP_FONT = 13;
export const MAP_EDGE_FONT = 11;
export const MAP_LINE = 16;

export interface MapBox extends MapNode {
  lines: string[];
}

export interface MapArrow extends MapEdge {
  id: string;
  text: string;
}

/** Edge labels are cut to one short line: the full text is in the arrow's tooltip. */
function edgeText(label: string): string {
  return label.length > 28 ? `${label.slice(0, 27)}…` : label;
}

/**
 * The scenario map's layout: scenes and endings as boxes, each choice (and each branch of a dice
 * check) as a labelled arrow. Pure.
 */
export function mapLayout(map: { nodes: readonly MapNode[]; edges: readonly MapEdge[] }): { layout: Layout; nodes: MapBox[]; edges: MapArrow[] } {
  const nodes = map.nodes.map((n) => ({ ...n, lines: wrapLabel(n.label, 18, 3) }));
  const edges = map.edges.map((e, i) => ({ ...e, id: `e${i}`, text: edgeText(e.label) }));
  const boxes = nodes.map((n) => ({
    id: n.id,
    width: Math.max(110, ...n.lines.map((l) => textWidth(l, MAP_FONT) + 28)),
    height: 22 + MAP_LINE * n.lines.length + (n.kind === 'ending' ? MAP_LINE : 0),
  }));
  const arrows = edges.map((e) => ({ id: e.id, from: e.from, to: e.to, label: { width: textWidth(e.text, MAP_EDGE_FONT) + 8, height: 16 } }));
  return { layout: layoutGraph(boxes, arrows, { nodesep: 24, ranksep: 40 }), nodes, edges };
}
