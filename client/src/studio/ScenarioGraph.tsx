import type { Scenario } from '@chaos-quest/engine';
import { useMemo, useState } from 'react';
import { layoutGraph, pathOf, textWidth, wrapLabel } from '../graph/layout.ts';
import { studioGraph, type StudioGraphNode } from './scenario-graph.ts';

const FONT = 12;
const LINE = 15;
const EDGE_FONT = 11;

const KIND_LABEL: Record<StudioGraphNode['kind'], string> = {
  start: 'start scene',
  scene: 'scene',
  success: 'ending, success',
  partial: 'ending, partial',
  failure: 'ending, failure',
};

/**
 * The scenario as a graph: scenes and endings as boxes, choices as arrows labelled with the choice,
 * its check branch and its condition. `path` (node ids in the order played) is highlighted; a click
 * or Enter on a node calls `onPick`. Every label is rendered as SVG text, never as markup.
 */
export function ScenarioGraph(props: { scenario: Scenario; path: readonly string[]; onPick(id: string): void }) {
  const { scenario, path, onPick } = props;
  const model = useMemo(() => studioGraph(scenario), [scenario]);
  const layout = useMemo(() => {
    const nodes = model.nodes.map((n) => {
      const lines = wrapLabel(n.label, 22, 2);
      const width = Math.max(90, ...lines.map((l) => textWidth(l, FONT))) + 20;
      return { id: n.id, width, height: lines.length * LINE + 16 + (n.when ? LINE : 0), lines };
    });
    const edges = model.edges.map((e) => {
      const lines = wrapLabel(e.label, 26, 2);
      return {
        ...e,
        lines,
        label: { width: Math.max(...lines.map((l) => textWidth(l, EDGE_FONT))), height: lines.length * 13 },
      };
    });
    return { placed: layoutGraph(nodes, edges, { nodesep: 24, ranksep: 48 }), nodes, edges };
  }, [model]);
  const onPath = new Set(path);
  const steps = new Set(path.slice(1).map((to, i) => `${path[i]}→${to}`));
  const { placed } = layout;
  return (
    <svg
      className="studio-graph-svg"
      width={placed.width}
      height={placed.height}
      viewBox={`0 0 ${placed.width} ${placed.height}`}
      role="group"
      aria-label={`Scenario graph: ${model.nodes.length} scenes and endings, ${model.edges.length} choices`}
    >
      <defs>
        <marker id="studio-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" className="studio-arrow-head" />
        </marker>
      </defs>
      {layout.edges.map((e) => {
        const drawn = placed.edges.find((p) => p.id === e.id);
        if (!drawn) return null;
        const hot = steps.has(`${e.from}→${e.to}`);
        return (
          <g key={e.id} className={`studio-edge${hot ? ' on-path' : ''}`}>
            <path d={pathOf(drawn.points)} markerEnd="url(#studio-arrow)" />
            {drawn.labelAt ? (
              <text x={drawn.labelAt.x} y={drawn.labelAt.y - ((e.lines.length - 1) * 13) / 2} textAnchor="middle">
                {e.lines.map((l, i) => (
                  <tspan key={i} x={drawn.labelAt?.x} dy={i === 0 ? 4 : 13}>
                    {l}
                  </tspan>
                ))}
              </text>
            ) : null}
          </g>
        );
      })}
      {model.nodes.map((n) => {
        const at = placed.nodes.get(n.id);
        const spec = layout.nodes.find((x) => x.id === n.id);
        if (!at || !spec) return null;
        const x = at.x - at.width / 2;
        const y = at.y - at.height / 2;
        return (
          <g
            key={n.id}
            className={`studio-node ${n.kind}${onPath.has(n.id) ? ' on-path' : ''}`}
            role="button"
            tabIndex={0}
            aria-label={`${KIND_LABEL[n.kind]} ${n.label}${onPath.has(n.id) ? ', on the playtest path' : ''}: go to its line`}
            onClick={() => onPick(n.id)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                onPick(n.id);
              }
            }}
          >
            <rect
              x={x}
              y={y}
              width={at.width}
              height={at.height}
              rx={n.kind === 'scene' || n.kind === 'start' ? 6 : 16}
            />
            {spec.lines.map((l, i) => (
              <text key={i} x={at.x} y={y + 12 + LINE * (i + 0.6)} textAnchor="middle">
                {l}
              </text>
            ))}
            {n.when ? (
              <text
                className="studio-node-when"
                x={at.x}
                y={y + 12 + LINE * (spec.lines.length + 0.6)}
                textAnchor="middle"
              >
                {wrapLabel(`when ${n.when}`, 26, 1)[0]}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/**
 * The studio's graph panel: the last scenario without errors drawn fitted to the panel, or at actual
 * size (scrolling) at the author's choice, and why nothing is drawn when nothing is.
 */
export function GraphPanel(props: {
  scenario: Scenario | null;
  isScenario: boolean;
  hasErrors: boolean;
  path: readonly string[];
  onPick(id: string): void;
}) {
  const { scenario, isScenario, hasErrors, path, onPick } = props;
  const [fit, setFit] = useState(true);
  return (
    <section className="studio-graph-panel" aria-label="Scenario graph">
      <div className="studio-graph-bar">
        <h2>Graph</h2>
        {scenario ? (
          <button type="button" className="button small quiet" aria-pressed={!fit} onClick={() => setFit((f) => !f)}>
            Actual size
          </button>
        ) : null}
      </div>
      {scenario ? (
        <>
          {hasErrors ? <p className="studio-hint">Showing the last version without errors.</p> : null}
          <div className={`studio-graph${fit ? ' fit' : ''}`}>
            <ScenarioGraph scenario={scenario} path={path} onPick={onPick} />
          </div>
        </>
      ) : (
        <p className="muted">
          {isScenario ? 'The graph appears once the file has no errors.' : 'Only scenario files have a graph.'}
        </p>
      )}
    </section>
  );
}
