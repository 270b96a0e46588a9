/**
 * The app's places, kept in the URL's hash so the server needs no routing of its own and a reload
 * returns to the same screen. Seat tokens are never part of a route: a seat route names only the
 * session, and the token is looked up in this browser's storage. The one token a route carries is a
 * read-only link's, which is made to be shared and opens only a closed debrief: after the `#`, it
 * never reaches a server's logs or a Referer.
 */
export type Route =
  | { name: 'home'; joinCode: string | null }
  | { name: 'facilitate'; sessionId: string }
  | { name: 'play'; sessionId: string }
  | { name: 'screen'; joinCode: string }
  | { name: 'metrics' }
  | { name: 'evaluate'; code: string }
  | { name: 'evaluator'; sessionId: string }
  | { name: 'report'; sessionId: string }
  | { name: 'debrief'; token: string }
  | { name: 'studio'; file: string | null }
  | { name: 'not-found'; path: string };

const SEGMENT = /^[A-Za-z0-9_-]{1,100}$/;
/** A scenario folder's file name, as the server's studio accepts it: no separators, no "..". */
const FILE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

function decodeFile(segment: string): string | null {
  try {
    const value = decodeURIComponent(segment);
    return FILE.test(value) && !value.includes('..') ? value : null;
  } catch {
    return null;
  }
}

function decode(segment: string | undefined): string | null {
  if (segment === undefined) return null;
  try {
    const value = decodeURIComponent(segment);
    return SEGMENT.test(value) ? value : null;
  } catch {
    return null;
  }
}

/** The route a location hash names; an unknown or malformed one is `not-found`. Pure. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+|\/+$/g, '');
  if (path === '') return { name: 'home', joinCode: null };
  const [head, arg, ...rest] = path.split('/');
  const value = decode(arg);
  if (rest.length === 0) {
    if (head === 'metrics' && arg === undefined) return { name: 'metrics' };
    if (head === 'studio' && arg === undefined) return { name: 'studio', file: null };
    if (head === 'studio' && arg !== undefined) {
      const file = decodeFile(arg);
      if (file) return { name: 'studio', file };
    }
    if (head === 'join' && value) return { name: 'home', joinCode: value };
    if (head === 'facilitate' && value) return { name: 'facilitate', sessionId: value };
    if (head === 'play' && value) return { name: 'play', sessionId: value };
    if (head === 'screen' && value) return { name: 'screen', joinCode: value };
    if (head === 'evaluate' && value) return { name: 'evaluate', code: value };
    if (head === 'evaluator' && value) return { name: 'evaluator', sessionId: value };
    if (head === 'report' && value) return { name: 'report', sessionId: value };
    if (head === 'debrief' && value) return { name: 'debrief', token: value };
  }
  return { name: 'not-found', path };
}

/** The hash for a route; `parseRoute(formatRoute(r))` gives `r` back. Pure. */
export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'home':
      return route.joinCode ? `#/join/${encodeURIComponent(route.joinCode)}` : '#/';
    case 'facilitate':
      return `#/facilitate/${encodeURIComponent(route.sessionId)}`;
    case 'play':
      return `#/play/${encodeURIComponent(route.sessionId)}`;
    case 'screen':
      return `#/screen/${encodeURIComponent(route.joinCode)}`;
    case 'metrics':
      return '#/metrics';
    case 'evaluate':
      return `#/evaluate/${encodeURIComponent(route.code)}`;
    case 'evaluator':
      return `#/evaluator/${encodeURIComponent(route.sessionId)}`;
    case 'report':
      return `#/report/${encodeURIComponent(route.sessionId)}`;
    case 'debrief':
      return `#/debrief/${encodeURIComponent(route.token)}`;
    case 'studio':
      return route.file ? `#/studio/${encodeURIComponent(route.file)}` : '#/studio';
    case 'not-found':
      return `#/${route.path}`;
    default:
      return route satisfies never;
  }
}
