import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

/** How long an item stays marked new once it is on a screen someone is looking at. */
export const SEEN_AFTER_MS = 4000;

function subscribeVisibility(onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

/** Whether the tab is in front of someone (not in a background tab or a locked phone). */
export function usePageVisible(): boolean {
  return useSyncExternalStore(
    subscribeVisibility,
    () => document.visibilityState === 'visible',
    () => true,
  );
}

function load(scope: string): Set<string> | null {
  try {
    const stored = localStorage.getItem(`cq.seen.${scope}`);
    return stored ? new Set(JSON.parse(stored) as string[]) : null;
  } catch {
    return null;
  }
}

function save(scope: string, keys: ReadonlySet<string>): void {
  try {
    localStorage.setItem(`cq.seen.${scope}`, JSON.stringify([...keys]));
  } catch {
    // A full or disabled storage only means items may show as new again after a reload.
  }
}

/**
 * The keys among `keys` that this browser has not yet shown to someone looking: an item stays new
 * until its list has been on a visible screen (`looking`, and the tab in front) for SEEN_AFTER_MS.
 * What was already there the first time a scope is opened counts as seen. Remembered per `scope`
 * in localStorage, pruned to the keys still listed, so a reload does not mark everything new again.
 */
export function useUnseen(scope: string, keys: readonly string[], looking: boolean): ReadonlySet<string> {
  const [seen, setSeen] = useState<ReadonlySet<string>>(() => load(scope) ?? new Set(keys));
  const listed = useRef(keys);
  listed.current = keys;
  const visible = usePageVisible();
  const unseen = new Set(keys.filter((k) => !seen.has(k)));
  const pending = [...unseen].join('\n');
  useEffect(() => {
    if (!looking || !visible || pending === '') return;
    const timer = setTimeout(() => {
      const now = new Set(pending.split('\n'));
      setSeen((before) => {
        const next = new Set(listed.current.filter((k) => before.has(k) || now.has(k)));
        save(scope, next);
        return next;
      });
    }, SEEN_AFTER_MS);
    return () => clearTimeout(timer);
  }, [looking, visible, pending, scope]);
  return unseen;
}
