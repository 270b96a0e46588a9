import { useState, type CSSProperties, type ReactNode } from 'react';

const STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

interface Props {
  /** What the drawing is, for the scroll region and its buttons. */
  label: string;
  /** The drawing's own width in px: at zoom 1 its text is the size it was drawn at (12 px and up). */
  width: number;
  className?: string;
  /** Draws the SVG at the size given. */
  children: (size: CSSProperties) => ReactNode;
  /** Start by fitting the panel's width (never smaller than the drawing's own size) rather than at 1. */
  fit?: boolean;
}

/**
 * A drawing that can be zoomed (the buttons) and panned (its box scrolls, by touch, wheel or keys).
 * Fitted, it fills the panel's width but never shrinks below its own size, so its text stays legible
 * on a phone; the box scrolls instead.
 */
export function ZoomFrame({ label, width, className = '', children, fit = true }: Props) {
  const [zoom, setZoom] = useState<number | 'fit'>(fit ? 'fit' : 1);
  const size: CSSProperties =
    zoom === 'fit'
      ? { width: '100%', minWidth: width, maxWidth: width * 1.5, height: 'auto' }
      : { width: width * zoom, maxWidth: 'none', height: 'auto' };
  const step = (by: 1 | -1) => {
    const at = zoom === 'fit' ? STEPS.indexOf(1) : STEPS.findIndex((s) => s >= zoom);
    setZoom(STEPS[Math.min(STEPS.length - 1, Math.max(0, at + by))] ?? 1);
  };
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
          aria-pressed={zoom === 'fit'}
        >
          Fit
        </button>
        <button type="button" className="button small quiet" onClick={() => step(1)} aria-label="Zoom in">
          +
        </button>
      </div>
      <div className="zoom-scroll" tabIndex={0} role="region" aria-label={`${label} (scrolls)`}>
        {children(size)}
      </div>
    </div>
  );
}
