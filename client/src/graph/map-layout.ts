import type { MapEdge, MapNode } from '@chaos-quest/engine';
import { layoutGraph, textWidth, wrapLabel, type Layout } from './layout.ts';

export const MAP_FONT = 13;
export const MAP_EDGE_FONT = 12;
export const MAP_LINE = 16;

export interface MapBox extends MapNode {
  lines: string[];
}

/** All the choices from one scene to another, drawn as one arrow. */
export interface MapArrow {
  id: string;
  from: string;
  to: string;
  labels: string[];
  taken: boolean;
  /** A short label for a taken arrow; untaken arrows carry theirs only in the tooltip. */
  text: string | null;
}

function shortLabel(label: string): string {
  return label.length > 30 ? `${label.slice(0, 29)}…` : label;
}

/** Merges parallel edges (several choices between the same two scenes) into one arrow. Pure. */
export function mergeEdges(edges: readonly MapEdge[]): MapArrow[] {
  const byPair = new Map<string, MapArrow>();
  for (const e of edges) {
    const key = `${e.from}\u0000${e.to}`;
    const arrow = byPair.get(key) ?? {
      id: `e${byPair.size}`,
      from: e.from,
      to: e.to,
      labels: [],
      taken: false,
      text: null,
    };
    arrow.labels.push(e.label);
    arrow.taken ||= e.taken;
    byPair.set(key, arrow);
  }
  return [...byPair.values()].map((a) => {
    const taken = edges.filter((e) => e.from === a.from && e.to === a.to && e.taken).map((e) => e.label);
    return { ...a, text: a.taken && taken[0] ? shortLabel(taken[0]) : null };
  });
}

/**
 * The scenario map's layout: scenes and endings as boxes, the choices between two scenes as one
 * arrow. Only the path taken gets room for its label, which keeps a large scenario readable. Pure.
 */
export function mapLayout(map: { nodes: readonly MapNode[]; edges: readonly MapEdge[] }): {
  layout: Layout;
  nodes: MapBox[];
  edges: MapArrow[];
} {
  const nodes = map.nodes.map((n) => ({ ...n, lines: wrapLabel(n.label, 18, 3) }));
  const edges = mergeEdges(map.edges);
  const boxes = nodes.map((n) => ({
    id: n.id,
    width: Math.max(110, ...n.lines.map((l) => textWidth(l, MAP_FONT) + 28)),
    // The "now" marker is a line inside the current box, so it can never cover another label.
    height: 22 + MAP_LINE * (n.lines.length + (n.kind === 'ending' ? 1 : 0) + (n.current ? 1 : 0)),
  }));
  const arrows = edges.map((e) => ({
    id: e.id,
    from: e.from,
    to: e.to,
    ...(e.text ? { label: { width: textWidth(e.text, MAP_EDGE_FONT) + 8, height: 16 } } : {}),
  }));
  return { layout: layoutGraph(boxes, arrows, { nodesep: 22, ranksep: 36 }), nodes, edges };
}
