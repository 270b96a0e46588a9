import { useState, type CSSProperties, type ReactNode } from 'react';
import { useRoom } from './use-width.ts';

const STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;
/** Larger than this the drawing only gets coarser, not clearer. */
const MAX_FIT = 1.5;

/**
 * How the drawing is sized: `legible` (the start) fills the box's width but never shrinks below its
 * own size (its text stays as drawn, 12 px and up; the box scrolls); `fit` shows it whole; a number
 * is a zoom.
 */
type Zoom = 'legible' | 'fit' | number;

interface Props {
  /** What the drawing is, for the scroll region and its buttons. */
  label: string;
  /** The drawing's own size in px: at zoom 1 its text is the size it was drawn at (12 px and up). */
  width: number;
  height: number;
  className?: string;
  /** Draws the SVG at the size given. */
  children: (size: CSSProperties) => ReactNode;
}

/**
 * A drawing that can be zoomed (the buttons) and panned (its box scrolls, by touch, wheel or keys).
 * "Fit" shows the whole drawing in the box, and is pressed whenever the whole drawing is what shows.
 */
export function ZoomFrame({ label, width, height, className = '', children }: Props) {
  const [zoom, setZoom] = useState<Zoom>('legible');
  const { ref, room } = useRoom<HTMLDivElement>();
  const fitted = Math.min(room.width / width, room.height / height, MAX_FIT);
  const legible = Math.min(Math.max(room.width / width, 1), MAX_FIT);
  const scale = zoom === 'fit' ? fitted : zoom === 'legible' ? legible : zoom;
  const whole = scale <= fitted + 0.001;
  const step = (by: 1 | -1) => {
    const next = by > 0 ? STEPS.find((s) => s > scale + 0.01) : [...STEPS].reverse().find((s) => s < scale - 0.01);
    setZoom(next ?? scale);
  };
  // Whole pixels: a fraction over the box would bring a scrollbar, which narrows the box, which refits.
  const size: CSSProperties = { width: Math.floor(width * scale), maxWidth: 'none', height: 'auto' };
  return (
    <div className={`zoom-frame ${className}`}>
      <div className="zoom-bar" role="group" aria-label={`Zoom the ${label.toLowerCase()}`}>
        <button type="button" className="button small quiet" onClick={() => step(-1)} aria-label="Zoom out">
          −
        </button>
        <button
          type="button"
          className="button small quiet"
          onClick={() => setZoom('fit')}
          aria-pressed={whole}
          title="Show the whole drawing"
        >
          Fit
        </button>
        <button type="button" className="button small quiet" onClick={() => step(1)} aria-label="Zoom in">
          +
        </button>
      </div>
      <div className="zoom-scroll" ref={ref} tabIndex={0} role="region" aria-label={`${label} (scrolls)`}>
        {children(size)}
      </div>
    </div>
  );
}
