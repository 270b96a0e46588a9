import { useMemo, useState, type CSSProperties } from 'react';
import type { Component, Health } from '@chaos-quest/engine';
import { pathOf, type Layout } from '../graph/layout.ts';
import { ArrowMarker } from './ArrowMarker.tsx';
import { SYSTEM_FONT, SYSTEM_LINE_HEIGHT, systemLayout } from '../graph/system-layout.ts';
import { IconGlyph } from '../ui/Icon.tsx';
import { HEALTH_LOOK } from './health-look.ts';
import { ZoomFrame } from '../ui/ZoomFrame.tsx';
import { useMeasured } from '../ui/use-width.ts';

interface Props {
  components: readonly Component[];
  health: Readonly<Record<string, Health>>;
  /** Scale text up for the room's projector. */
  large?: boolean;
}

/** Laid out across only when that draws it this much larger: down the page is how it reads best. */
const ACROSS_GAIN = 1.1;

/**
 * The system as boxes and dependency arrows; each box shows its health as colour, icon and word.
 * Large (the big screen), it has no zoom, and where the board bounds its height (a projector) a deep
 * graph is laid out left to right when that draws it larger than top to bottom.
 */
export function SystemDiagram({ components, health, large = false }: Props) {
  const down = useMemo(() => systemLayout(components, health), [components, health]);
  const across = useMemo(() => (large ? systemLayout(components, health, 'LR') : null), [components, health, large]);
  const { ref, acrossWins } = useAcross(down.layout, across?.layout ?? null);
  const { layout, nodes } = across && acrossWins ? across : down;
  const summary = nodes.map((n) => `${n.lines.join(' ')}: ${HEALTH_LOOK[n.health].text}`).join('; ');
  const drawing = (size: CSSProperties) => (
    <svg
      ref={ref}
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

/**
 * Whether the `across` layout wins in the box the drawing gets: measured while `down` shows, since
 * then the box is as wide as the panel and as tall as the board lets it be (a drawing that fits its
 * height is drawn at the panel's width). While across shows, the box's height is its own, so the
 * answer stands until the width changes, when down is shown and measured again.
 */
function useAcross(down: Layout, across: Layout | null) {
  const [decided, setDecided] = useState<{ width: number; across: boolean } | null>(null);
  const acrossShown = decided?.across ?? false;
  const ref = useMeasured<SVGSVGElement>(
    (element) => {
      const width = element.clientWidth;
      const height = element.clientHeight;
      if (!across || width === 0 || height === 0) return;
      setDecided((last) => {
        if (last?.across) return last.width === width ? last : null;
        const scale = (l: Layout) => Math.min(width / l.width, height / l.height);
        const wins = scale(across) > scale(down) * ACROSS_GAIN;
        return last && last.width === width && last.across === wins ? last : { width, across: wins };
      });
    },
    [down, across, acrossShown],
  );
  return { ref, acrossWins: acrossShown };
}
