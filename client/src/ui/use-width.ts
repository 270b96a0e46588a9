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
