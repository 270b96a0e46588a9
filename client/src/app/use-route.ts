import { useSyncExternalStore } from 'react';
import { formatRoute, parseRoute, type Route } from './route.ts';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The current route; re-renders when the hash changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

/** Goes to `route`, adding a history entry so the back button returns. */
export function navigate(route: Route): void {
  window.location.hash = formatRoute(route);
}
