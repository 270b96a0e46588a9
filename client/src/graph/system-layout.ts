import type { Component, Health } from '@chaos-quest/engine';
import { layoutGraph, textWidth, wrapLabel, type Layout } from './layout.ts';

export const SYSTEM_FONT = 12;
const LINE = 15;

export interface SystemNode {
  id: string;
  lines: string[];
  kind: string | null;
  health: Health;
}

/**
 * The system diagram's layout: each component a box, an arrow from a component to each component
 * it depends on, so dependencies sit below their dependents (`TB`) or to their right (`LR`). Health
 * comes from the live view and falls back to the component's declared health. Pure.
 */
export function systemLayout(
  components: readonly Component[],
  health: Readonly<Record<string, Health>>,
  rankdir: 'TB' | 'LR' = 'TB',
): { layout: Layout; nodes: SystemNode[] } {
  const nodes: SystemNode[] = components.map((c) => ({
    id: c.id,
    // A name is never cut: a long one takes more lines (a box grows down, not off the screen).
    lines: wrapLabel(c.name, 17, 8),
    kind: c.kind ?? null,
    health: health[c.id] ?? c.health,
  }));
  const boxes = nodes.map((n) => ({
    id: n.id,
    // Wide enough for the health line (icon and "Degraded" at 12 px bold) with room to spare.
    width: Math.max(116, ...n.lines.map((l) => textWidth(l, SYSTEM_FONT) + 18)),
    height: 28 + LINE * (n.lines.length + (n.kind ? 1 : 0)),
  }));
  const edges = components.flatMap((c) =>
    (c.depends_on ?? []).map((d) => ({ id: `${c.id}->${d}`, from: c.id, to: d })),
  );
  return { layout: layoutGraph(boxes, edges, { rankdir, nodesep: 14, ranksep: 30 }), nodes };
}

export const SYSTEM_LINE_HEIGHT = LINE;
