import type { Condition, Scenario } from '../scenario/schema.ts';
import { targetsOf } from '../scenario/scenario-parts.ts';

export const GRAPH_FORMATS = ['mermaid', 'dot'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** A condition as a short readable label: `rolled_back and not paged`, `t ≥ 60`. */
export function conditionLabel(c: Condition): string {
  if ('flag' in c) return c.flag;
  if ('not' in c) return `not ${conditionLabel(c.not)}`;
  if ('all' in c) return c.all.map(conditionLabel).join(' and ');
  if ('any' in c) return `(${c.any.map(conditionLabel).join(' or ')})`;
  if ('visited' in c) return `visited ${c.visited}`;
  if ('time_at_least' in c) return `t ≥ ${c.time_at_least}`;
  if ('role_present' in c) return `${c.role_present} seated`;
  if ('counter' in c) {
    const bounds = [
      c.at_least === undefined ? null : `≥ ${c.at_least}`,
      c.at_most === undefined ? null : `≤ ${c.at_most}`,
    ];
    return `${c.counter} ${bounds.filter(Boolean).join(' and ')}`.trim();
  }
  if ('milestone' in c) return `${c.milestone} reached`;
  if ('minutes_since' in c) return `${c.at_least} min since ${c.minutes_since}`;
  if ('deadline' in c) return `deadline ${c.deadline} ${c.is}`;
  if ('parameter' in c) return `${c.parameter} is ${c.is}`;
  return c satisfies never;
}

interface Node {
  id: string;
  label: string;
  kind: 'scene' | 'start' | 'success' | 'partial' | 'failure';
}
interface Edge {
  from: string;
  to: string;
  label: string;
}

function model(scenario: Scenario): { nodes: Node[]; edges: Edge[] } {
  const nodes: Node[] = scenario.scenes.map((s) => ({
    id: s.id,
    label: s.title ?? s.id,
    kind: s.id === scenario.start ? 'start' : 'scene',
  }));
  for (const e of scenario.endings) nodes.push({ id: e.id, label: e.title ?? e.id, kind: e.outcome });
  const edges: Edge[] = [];
  for (const scene of scenario.scenes) {
    for (const choice of scene.choices ?? []) {
      const when = choice.when ? ` [${conditionLabel(choice.when)}]` : '';
      for (const { goto, path } of targetsOf(choice)) {
        const branch = path[0] === 'check' ? ` (${String(path[1])})` : '';
        edges.push({ from: scene.id, to: goto, label: `${choice.label}${branch}${when}` });
      }
    }
  }
  for (const e of scenario.endings)
    if (e.when) edges.push({ from: '*', to: e.id, label: `when ${conditionLabel(e.when)}` });
  return { nodes, edges };
}

const SHAPES: Record<GraphFormat, Record<Node['kind'], (id: string, label: string) => string>> = {
  mermaid: {
    scene: (id, l) => `${id}["${l}"]`,
    start: (id, l) => `${id}(["${l}"])`,
    success: (id, l) => `${id}{{"✔ ${l}"}}`,
    partial: (id, l) => `${id}{{"◐ ${l}"}}`,
    failure: (id, l) => `${id}{{"✖ ${l}"}}`,
  },
  dot: {
    scene: (id, l) => `"${id}" [label="${l}", shape=box];`,
    start: (id, l) => `"${id}" [label="${l}", shape=box, style=bold];`,
    success: (id, l) => `"${id}" [label="${l}", shape=doubleoctagon, color=darkgreen];`,
    partial: (id, l) => `"${id}" [label="${l}", shape=doubleoctagon, color=orange];`,
    failure: (id, l) => `"${id}" [label="${l}", shape=doubleoctagon, color=red];`,
  },
};

/** Quotes and line breaks would end a label early in either format. */
const clean = (text: string) => text.replace(/["\n\r]/g, "'").replace(/[<>]/g, '');
/** Mermaid node ids may not hold '-'. */
const mermaidId = (id: string) => (id === '*' ? 'anywhere' : id.replace(/-/g, '_'));

/**
 * The scenario as a graph: scenes, the choices between them (a check's two branches apart, with
 * each choice's condition), endings by outcome, and the endings reached by a `when` from anywhere.
 * Pure; the same scenario gives the same text.
 */
export function scenarioGraph(scenario: Scenario, format: GraphFormat): string {
  const { nodes, edges } = model(scenario);
  const anywhere = edges.some((e) => e.from === '*');
  if (format === 'mermaid') {
    const lines = ['flowchart TD'];
    for (const n of nodes) lines.push(`  ${SHAPES.mermaid[n.kind](mermaidId(n.id), clean(n.label))}`);
    if (anywhere) lines.push('  anywhere(("any scene"))');
    for (const e of edges) lines.push(`  ${mermaidId(e.from)} -->|"${clean(e.label)}"| ${mermaidId(e.to)}`);
    return `${lines.join('\n')}\n`;
  }
  const lines = [`digraph "${scenario.id}" {`, '  rankdir=TB;'];
  for (const n of nodes) lines.push(`  ${SHAPES.dot[n.kind](n.id, clean(n.label))}`);
  if (anywhere) lines.push('  "*" [label="any scene", shape=circle, style=dashed];');
  for (const e of edges) lines.push(`  "${e.from}" -> "${e.to}" [label="${clean(e.label)}"];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
