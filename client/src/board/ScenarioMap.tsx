import { useEffect, useMemo, useRef } from 'react';
import type { MapEdge, MapNode } from '@chaos-quest/engine';
import { pathOf } from '../graph/layout.ts';
import { ArrowMarker } from './ArrowMarker.tsx';
import { MAP_EDGE_FONT, MAP_FONT, MAP_LINE, mapLayout, type MapBox } from '../graph/map-layout.ts';
import { ZoomFrame } from '../ui/ZoomFrame.tsx';

const OUTCOME_TEXT = { success: 'Ending: success', partial: 'Ending: partial', failure: 'Ending: failure' } as const;

function NodeBox({ node, x, y, width, height }: { node: MapBox; x: number; y: number; width: number; height: number }) {
  const left = x - width / 2;
  const top = y - height / 2;
  // The current box starts with its "now" line; the label follows it.
  const first = top + 18 + (node.current ? MAP_LINE : 0);
  const classes = [
    'map-node',
    `kind-${node.kind}`,
    node.visited ? 'visited' : 'unvisited',
    node.current ? 'current' : '',
    node.outcome ? `outcome-${node.outcome}` : '',
  ];
  return (
    <g className={classes.join(' ')}>
      <title>{`${node.label}${node.current ? ' (now)' : node.visited ? ' (visited)' : ''}`}</title>
      <rect x={left} y={top} width={width} height={height} rx={node.kind === 'ending' ? height / 2.4 : 6} />
      {node.lines.map((line, i) => (
        <text key={i} x={x} y={first + i * MAP_LINE} textAnchor="middle" fontSize={MAP_FONT}>
          {line}
        </text>
      ))}
      {node.outcome ? (
        <text
          x={x}
          y={first + node.lines.length * MAP_LINE}
          textAnchor="middle"
          className="map-outcome"
          fontSize={MAP_EDGE_FONT}
        >
          {OUTCOME_TEXT[node.outcome]}
        </text>
      ) : null}
      {node.current ? (
        <text x={x} y={top + 18} textAnchor="middle" className="map-now" fontSize={MAP_EDGE_FONT}>
          ● now
        </text>
      ) : null}
    </g>
  );
}

/**
 * The scenario as a graph laid out with dagre: scenes and endings, choices as arrows. Where the
 * party has been is filled in, the current scene is outlined and marked "now", and the arrows
 * taken are drawn bold, so the path shows without relying on colour.
 */
export function ScenarioMap({ map }: { map: { nodes: readonly MapNode[]; edges: readonly MapEdge[] } }) {
  const { layout, nodes, edges } = useMemo(() => mapLayout(map), [map]);
  const scroller = useRef<HTMLDivElement>(null);
  // A large map scrolls: keep the party's scene in view, or once the game is over without an
  // ending, the scene the path starts from, which the bold arrows lead on from.
  const focusBox = layout.nodes.get((nodes.find((n) => n.current) ?? nodes.find((n) => n.visited))?.id ?? '');
  useEffect(() => {
    const el = scroller.current?.querySelector<HTMLElement>('.zoom-scroll');
    const svg = el?.querySelector('svg');
    if (!el || !svg || !focusBox) return;
    const scale = svg.clientWidth / layout.width;
    el.scrollTo({
      left: focusBox.x * scale - el.clientWidth / 2,
      top: focusBox.y * scale - el.clientHeight / 2,
    });
  }, [focusBox, layout.width]);
  if (nodes.length === 0) return <p className="empty">The map fills in as the party moves.</p>;
  const current = nodes.find((n) => n.current);
  const path = nodes.filter((n) => n.visited).map((n) => n.label);
  return (
    <div className="scenario-map" ref={scroller}>
      <ZoomFrame label="Scenario map" width={layout.width} height={layout.height + 8}>
        {(size) => (
          <svg
            viewBox={`0 0 ${layout.width} ${layout.height + 8}`}
            style={size}
            role="img"
            aria-label={`Scenario map. Now: ${current?.label ?? 'not in a scene'}. Visited: ${path.join(', ') || 'none yet'}.`}
          >
            <ArrowMarker id="map-arrow" />
            <g transform="translate(0 8)">
              {edges.map((e) => {
                const placed = layout.edges.find((p) => p.id === e.id);
                if (!placed) return null;
                return (
                  <g key={e.id} className={`map-edge ${e.taken ? 'taken' : ''}`}>
                    <title>{`${e.labels.join('\n')}${e.taken ? '\n(taken)' : ''}`}</title>
                    <path d={pathOf(placed.points)} markerEnd="url(#map-arrow)" />
                    {placed.labelAt && e.text ? (
                      <text
                        x={placed.labelAt.x}
                        y={placed.labelAt.y + 4}
                        textAnchor={e.from === e.to ? 'start' : 'middle'}
                        fontSize={MAP_EDGE_FONT}
                      >
                        {e.text}
                      </text>
                    ) : null}
                  </g>
                );
              })}
              {nodes.map((n) => {
                const box = layout.nodes.get(n.id);
                return box ? (
                  <NodeBox key={n.id} node={n} x={box.x} y={box.y} width={box.width} height={box.height} />
                ) : null;
              })}
            </g>
          </svg>
        )}
      </ZoomFrame>
    </div>
  );
}
