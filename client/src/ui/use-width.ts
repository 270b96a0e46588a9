import { useLayoutEffect, useRef, useState, type DependencyList } from 'react';

/**
 * Calls `measure` with the element `ref` is attached to before the first paint and whenever it
 * resizes, until `deps` change (then with the new `measure`) or it unmounts.
 */
export function useMeasured<T extends Element>(measure: (element: T) => void, deps: DependencyList) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    measure(element);
    const observer = new ResizeObserver(() => measure(element));
    observer.observe(element);
    return () => observer.disconnect();
    // The caller's deps stand for `measure`'s inputs.
  }, deps);
  return ref;
}

/**
 * The rendered width of the element `ref` is attached to, kept current as it resizes; `fallback`
 * until the first measure. For drawings laid out at their real size, so their text is drawn at the
 * size it is set in rather than scaled with the box.
 */
export function useWidth<T extends HTMLElement>(fallback: number) {
  const [width, setWidth] = useState(fallback);
  const ref = useMeasured<T>((element) => {
    if (element.clientWidth > 0) setWidth(element.clientWidth);
  }, []);
  return { ref, width };
}

/**
 * The room a drawing has in the element `ref` is attached to: its content width, and the height its
 * max-height leaves (unbounded without one), kept current as the element resizes.
 */
export function useRoom<T extends Element>() {
  const [room, setRoom] = useState({ width: Infinity, height: Infinity });
  const ref = useMeasured<T>((element) => {
    const style = getComputedStyle(element);
    const px = (value: string) => parseFloat(value) || 0;
    const width = element.clientWidth - px(style.paddingLeft) - px(style.paddingRight);
    const maxHeight = parseFloat(style.maxHeight);
    const height = Number.isFinite(maxHeight) ? maxHeight - px(style.paddingTop) - px(style.paddingBottom) : Infinity;
    if (width > 0) setRoom((r) => (r.width === width && r.height === height ? r : { width, height }));
  }, []);
  return { ref, room };
}
