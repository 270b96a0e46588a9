import dagre from '@dagrejs/dagre';

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

export interface LayoutEdge {
  id: string;
  from: string;
  to: string;
  /** Room to keep free for the edge's label, if it has one. */
  label?: { width: number; height: number };
}

export interface PlacedNode extends LayoutNode {
  /** Centre of the node. */
  x: number;
  y: number;
}

export interface PlacedEdge {
  id: string;
  points: { x: number; y: number }[];
  /** Centre of the label's space, when the edge has a label. */
  labelAt: { x: number; y: number } | null;
}

export interface Layout {
  width: number;
  height: number;
  nodes: Map<string, PlacedNode>;
  edges: PlacedEdge[];
}

/**
 * Lays out a directed graph top to bottom with dagre. Edges whose ends are not among `nodes` are
 * left out rather than invented. Deterministic for the same input. Pure apart from dagre's own
 * internal state, which lives and dies inside the call.
 */
export function layoutGraph(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options: { rankdir?: 'TB' | 'LR'; nodesep?: number; ranksep?: number } = {},
): Layout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({
    rankdir: options.rankdir ?? 'TB',
    nodesep: options.nodesep ?? 28,
    ranksep: options.ranksep ?? 44,
    marginx: 12,
    marginy: 12,
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  const known = new Set(nodes.map((n) => n.id));
  const kept = edges.filter((e) => known.has(e.from) && known.has(e.to));
  for (const e of kept)
    g.setEdge(e.from, e.to, e.label ? { width: e.label.width, height: e.label.height, labelpos: 'c' } : {}, e.id);
  dagre.layout(g);

  const placed = new Map<string, PlacedNode>();
  for (const n of nodes) {
    const at = g.node(n.id) as { x: number; y: number };
    placed.set(n.id, { ...n, x: at.x, y: at.y });
  }
  const placedEdges = kept.map((e) => {
    const label = g.edge({ v: e.from, w: e.to, name: e.id }) as {
      points?: { x: number; y: number }[];
      x?: number;
      y?: number;
    };
    return {
      id: e.id,
      points: label.points ?? [],
      labelAt: e.label && label.x !== undefined && label.y !== undefined ? { x: label.x, y: label.y } : null,
    };
  });
  const size = g.graph() as { width?: number; height?: number };
  return { width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0), nodes: placed, edges: placedEdges };
}

/**
 * Splits `text` into lines of at most `max` characters at spaces (a longer word is cut), at most
 * `maxLines` lines, the last ending in "…" when text was dropped. Pure.
 */
export function wrapLabel(text: string, max: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const pieces = word.match(new RegExp(`.{1,${max}}`, 'gu')) ?? [word];
    for (const piece of pieces) {
      if (line && line.length + 1 + piece.length > max) {
        lines.push(line);
        line = piece;
      } else line = line ? `${line} ${piece}` : piece;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = `${last.slice(0, Math.max(0, max - 1))}…`;
  return kept;
}

/** A width in px for text at the given font size, estimated without a DOM (average glyph width). */
export function textWidth(text: string, fontSize: number): number {
  return Math.ceil(text.length * fontSize * 0.58);
}

/** An SVG path through `points`, or an empty string for fewer than two. Pure. */
export function pathOf(points: readonly { x: number; y: number }[]): string {
  if (points.length < 2) return '';
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
}
