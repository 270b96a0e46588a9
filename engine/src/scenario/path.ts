/** One step into a YAML document: a mapping key or a list index. */
export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** The path one step below `base`, written as `scenes[3].choices[1].goto`. */
export function appendPath(base: string, segment: PathSegment): string {
  if (typeof segment === 'number') return `${base}[${segment}]`;
  // A key with dots or spaces is quoted so that every path reads back unambiguously.
  if (!PLAIN_KEY.test(segment)) return `${base}[${JSON.stringify(segment)}]`;
  return base === '' ? segment : `${base}.${segment}`;
}

/** `['scenes', 3, 'goto']` → `scenes[3].goto`; the empty path is the document itself. */
export function formatPath(segments: readonly PathSegment[]): string {
  return segments.reduce<string>((path, segment) => appendPath(path, segment), '');
}
