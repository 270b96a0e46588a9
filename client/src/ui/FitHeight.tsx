import { useLayoutEffect, useRef, type ReactNode } from 'react';

/** Below this the back of the room cannot read the narration: clip (with a fade) rather than shrink further. */
const SMALLEST = 0.7;

/**
 * Content that shrinks (CSS zoom, down to SMALLEST) until it fits its box's height, the way a
 * slide's text fits its frame: for a projector, where nobody scrolls. A box as tall as its content
 * (a phone, a laptop's scrolling page) leaves it at full size. What is still too tall at the
 * smallest size fades out at the foot (`.fit-clipped`).
 *
 * Zoom rather than a smaller font: the clock, the die and the choices' tallies shrink with the text.
 */
export function FitHeight({ className, children }: { className: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const outer = box.current;
    const inner = content.current;
    if (!outer || !inner) return;
    const fit = () => {
      // The box may be sized by its content too (a grid row as tall as its content up to a limit):
      // what fits is read again at each size.
      const fitsAt = (zoom: number) => {
        inner.style.zoom = String(zoom);
        return inner.getBoundingClientRect().height <= outer.clientHeight + 0.5;
      };
      let clipped = false;
      // Smaller type wraps into fewer lines, so the size is searched for rather than worked out.
      if (!fitsAt(1)) {
        let fits = SMALLEST;
        let tooBig = 1;
        if (fitsAt(SMALLEST))
          for (let i = 0; i < 6; i++) {
            const zoom = (fits + tooBig) / 2;
            if (fitsAt(zoom)) fits = zoom;
            else tooBig = zoom;
          }
        else clipped = true;
        inner.style.zoom = String(fits);
      }
      outer.classList.toggle('fit-clipped', clipped);
    };
    fit();
    // Both a new size of the box and new content (the next view) change what fits; the zoom this
    // sets changes the content's size too, but to one that fits, so the next call sets the same.
    const watch = new ResizeObserver(fit);
    watch.observe(outer);
    watch.observe(inner);
    return () => watch.disconnect();
  }, []);
  return (
    <div ref={box} className={`fit-height ${className}`}>
      <div ref={content}>{children}</div>
    </div>
  );
}
