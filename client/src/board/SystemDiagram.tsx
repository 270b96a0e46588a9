import { useMemo, type CSSProperties } from 'react';
import type { Component, Health } from '@chaos-quest/engine';
import { pathOf } from '../graph/layout.ts';
import { ArrowMarker } from './ArrowMarker.tsx';
import { SYSTEM_FONT, SYSTEM_LINE_HEIGHT, systemLayout } from '../graph/system-layout.ts';
import { IconGlyph } from '../ui/Icon.tsx';
import { HEALTH_LOOK } from './health-look.ts';
import { ZoomFrame } from '../ui/ZoomFrame.tsx';

interface Props {
  components: readonly Component[];
  health: Readonly<Record<string, Health>>;
  /** Scale text up for the room's projector. */
  large?: boolean;
}

/** The system as boxes and dependency arrows; each box shows its health as colour, icon and word. */
export function SystemDiagram({ components, health, large = false }: Props) {
  const { layout, nodes } = useMemo(() => systemLayout(components, health), [components, health]);
  const summary = nodes.map((n) => `${n.lines.join(' ')}: ${HEALTH_LOOK[n.health].text}`).join('; ');
  const drawing = (size: CSSProperties) => (
    <svg
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      style={size}
      role="img"
      aria-label={`System health. ${summary}`}
    >
      <ArrowMarker id="system-arrow" />
      {layout.edges.map((e) => (
        <path key={e.id} d={pathOf(e.points)} className="system-edge" markerEnd="url(#system-arrow)" />
      ))}
      {nodes.map((n) => {
        const box = layout.nodes.get(n.id);
        if (!box) return null;
        const left = box.x - box.width / 2;
        const top = box.y - box.height / 2;
        const look = HEALTH_LOOK[n.health];
        let line = top + 17;
        return (
          <g key={n.id} className={`system-node health-${n.health}`}>
            <rect x={left} y={top} width={box.width} height={box.height} rx={8} />
            {n.kind ? (
              <text x={box.x} y={line} className="system-kind" textAnchor="middle">
                {n.kind}
              </text>
            ) : null}
            {n.lines.map((text, i) => {
              if (n.kind || i > 0) line += SYSTEM_LINE_HEIGHT;
              return (
                <text key={i} x={box.x} y={line} className="system-name" textAnchor="middle" fontSize={SYSTEM_FONT}>
                  {text}
                </text>
              );
            })}
            <g className="system-health">
              <IconGlyph name={look.icon} x={box.x - 30} y={top + box.height - 18} size={12} />
              <text x={box.x - 14} y={top + box.height - 8.5}>
                {look.text}
              </text>
            </g>
          </g>
        );
      })}
    </svg>
  );
  return (
    <figure className={`system-diagram ${large ? 'large' : ''}`}>
      {large ? (
        drawing({})
      ) : (
        <ZoomFrame label="System diagram" width={layout.width} height={layout.height}>
          {drawing}
        </ZoomFrame>
      )}
    </figure>
  );
}
