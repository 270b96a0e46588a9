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
  // A self-edge is drawn by hand (selfLoop), so dagre neither routes it nor makes room for it.
  for (const e of kept.filter((k) => k.from !== k.to))
    g.setEdge(e.from, e.to, e.label ? { width: e.label.width, height: e.label.height, labelpos: 'c' } : {}, e.id);
  dagre.layout(g);

  const placed = new Map<string, PlacedNode>();
  for (const n of nodes) {
    const at = g.node(n.id) as { x: number; y: number };
    placed.set(n.id, { ...n, x: at.x, y: at.y });
  }
  const placedEdges = kept.map((e): PlacedEdge => {
    const from = placed.get(e.from);
    if (e.from === e.to && from) return selfLoop(e.id, from, e.label !== undefined);
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
  return fitted(placed, placedEdges, edges);
}

/** How far a loop back into the same node reaches out to its right. */
const LOOP = 22;

/**
 * A node's arrow back to itself, drawn as a loop on its right side (dagre's own routing for a
 * self-edge leaves an arrow pointing into empty space), its label beside the loop.
 */
function selfLoop(id: string, node: PlacedNode, labelled: boolean): PlacedEdge {
  const right = node.x + node.width / 2;
  const top = node.y - Math.min(10, node.height / 4);
  const bottom = node.y + Math.min(10, node.height / 4);
  return {
    id,
    points: [
      { x: right, y: top },
      { x: right + LOOP, y: top - 6 },
      { x: right + LOOP, y: bottom + 6 },
      { x: right + 2, y: bottom },
    ],
    labelAt: labelled ? { x: right + LOOP + 6, y: node.y } : null,
  };
}

/**
 * Moves everything so the drawing starts at the margin and measures it from what was drawn (nodes,
 * edge points and label room), so no edge or label ever lies outside the width and height given.
 */
function fitted(nodes: Map<string, PlacedNode>, edges: PlacedEdge[], specs: readonly LayoutEdge[]): Layout {
  const margin = 12;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const n of nodes.values()) {
    xs.push(n.x - n.width / 2, n.x + n.width / 2);
    ys.push(n.y - n.height / 2, n.y + n.height / 2);
  }
  for (const e of edges) {
    for (const p of e.points) {
      xs.push(p.x);
      ys.push(p.y);
    }
    const room = specs.find((s) => s.id === e.id)?.label;
    if (e.labelAt && room) {
      const loop = e.points.length === 4 && e.labelAt.x > (e.points[0]?.x ?? 0);
      xs.push(loop ? e.labelAt.x + room.width : e.labelAt.x - room.width / 2, e.labelAt.x + room.width / 2);
      ys.push(e.labelAt.y - room.height / 2, e.labelAt.y + room.height / 2);
    }
  }
  if (xs.length === 0) return { width: 0, height: 0, nodes, edges };
  const dx = margin - Math.min(...xs);
  const dy = margin - Math.min(...ys);
  const move = (p: { x: number; y: number }) => ({ x: p.x + dx, y: p.y + dy });
  const movedNodes = new Map([...nodes].map(([id, n]) => [id, { ...n, ...move(n) }]));
  const movedEdges = edges.map((e) => ({
    ...e,
    points: e.points.map(move),
    labelAt: e.labelAt ? move(e.labelAt) : null,
  }));
  return {
    width: Math.ceil(Math.max(...xs) + dx + margin),
    height: Math.ceil(Math.max(...ys) + dy + margin),
    nodes: movedNodes,
    edges: movedEdges,
  };
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
