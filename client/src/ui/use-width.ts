import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The rendered width of the element `ref` is attached to, kept current as it resizes; `fallback`
 * until the first measure. For drawings laid out at their real size, so their text is drawn at the
 * size it is set in rather than scaled with the box.
 */
export function useWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      if (element.clientWidth > 0) setWidth(element.clientWidth);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/**
 * The room a drawing has in the element `ref` is attached to: its content width, and the height its
 * max-height leaves (unbounded without one), kept current as the element resizes.
 */
export function useRoom<T extends Element>() {
  const ref = useRef<T>(null);
  const [room, setRoom] = useState({ width: Infinity, height: Infinity });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const style = getComputedStyle(element);
      const px = (value: string) => parseFloat(value) || 0;
      const width = element.clientWidth - px(style.paddingLeft) - px(style.paddingRight);
      const maxHeight = parseFloat(style.maxHeight);
      const height = Number.isFinite(maxHeight) ? maxHeight - px(style.paddingTop) - px(style.paddingBottom) : Infinity;
      if (width > 0) setRoom((r) => (r.width === width && r.height === height ? r : { width, height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, room };
}
