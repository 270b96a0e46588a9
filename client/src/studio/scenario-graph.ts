import { conditionLabel, type Scenario } from '@chaos-quest/engine';

export type GraphNodeKind = 'start' | 'scene' | 'success' | 'partial' | 'failure';

export interface StudioGraphNode {
  id: string;
  label: string;
  kind: GraphNodeKind;
  /** An ending's own condition (it ends the story from anywhere once true). */
  when: string | null;
}

export interface StudioGraphEdge {
  id: string;
  from: string;
  to: string;
  /** The choice's label, its check branch and its condition: `Roll back (failure) [paged]`. */
  label: string;
}

const BRANCHES = ['critical_success', 'complication', 'success', 'critical_failure', 'failure'] as const;

/** Scenes, endings and the choices between them, for the studio's graph. Pure. */
export function studioGraph(scenario: Scenario): { nodes: StudioGraphNode[]; edges: StudioGraphEdge[] } {
  const nodes: StudioGraphNode[] = scenario.scenes.map((s) => ({
    id: s.id,
    label: s.title ?? s.id,
    kind: s.id === scenario.start ? 'start' : 'scene',
    when: null,
  }));
  for (const e of scenario.endings)
    nodes.push({ id: e.id, label: e.title ?? e.id, kind: e.outcome, when: e.when ? conditionLabel(e.when) : null });
  const edges: StudioGraphEdge[] = [];
  for (const scene of scenario.scenes) {
    (scene.choices ?? []).forEach((choice, c) => {
      const when = choice.when ? ` [${conditionLabel(choice.when)}]` : '';
      const targets: { goto: string; branch: string | null }[] = [];
      if (choice.check) {
        for (const branch of BRANCHES) {
          const taken = choice.check[branch];
          const goto = taken?.goto ?? choice.goto;
          if (taken && goto !== undefined) targets.push({ goto, branch });
        }
      } else if (choice.goto !== undefined) targets.push({ goto: choice.goto, branch: null });
      for (const t of targets) {
        const branch = t.branch ? ` (${t.branch.replace('_', ' ')})` : '';
        edges.push({
          id: `${scene.id}:${c}:${t.branch ?? ''}`,
          from: scene.id,
          to: t.goto,
          label: `${choice.label}${branch}${when}`,
        });
      }
    });
  }
  return { nodes, edges };
}

/** The 1-based line where the scene or ending `id` is declared (`- id: name` or `- { id: name, … }`), or null. */
export function lineOfNode(text: string, id: string): number | null {
  const lines = text.split('\n');
  const escaped = id.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
  const pattern = new RegExp(`^\\s*(?:-\\s+)?(?:\\{\\s*)?id:\\s*["']?${escaped}["']?\\s*(?:[,}#]|$)`);
  let section: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const top = /^([A-Za-z_]\w*):/.exec(line);
    if (top) section = top[1] ?? null;
    if ((section === 'scenes' || section === 'endings') && pattern.test(line)) return i + 1;
  }
  return null;
}
