import { ENTRY_LIST_FIELDS, type Projection } from '../views/view.ts';
import type { PatchMessage } from './wire.ts';

/**
 * How one projection became the next, for a viewer who holds the first: most commands add an entry
 * or two to the timeline and touch a field or two, so a patch is a few hundred bytes where the
 * whole view is kilobytes and grows all game long.
 *
 * `set` holds every field whose value changed, whole; `append` holds, for an entry list
 * (ENTRY_LIST_FIELDS) that only grew, the entries added at its end. Pure and dependency-free, so
 * the client applies patches with the very code the server's patches are checked against.
 */
export interface ViewPatch {
  set: Record<string, unknown>;
  append: Record<string, unknown[]>;
}

const ENTRY_LISTS: ReadonlySet<string> = new Set(ENTRY_LIST_FIELDS);

/**
 * The patch that turns `before` into `after`, or null when they are not two projections of one
 * audience (their fields differ), so only a whole view will do. Entry lists are compared by
 * identity, which holds because an entry never changes once it is in the state (draft.ts) and a
 * projection lists the state's own entries; every other field is compared by value.
 */
export function diffProjection(before: Projection, after: Projection): ViewPatch | null {
  const old = before as unknown as Record<string, unknown>;
  const next = after as unknown as Record<string, unknown>;
  const keys = Object.keys(next);
  if (keys.length !== Object.keys(old).length || before.viewer !== after.viewer) return null;
  const patch: ViewPatch = { set: {}, append: {} };
  for (const key of keys) {
    if (!Object.hasOwn(old, key)) return null;
    const was = old[key];
    const now = next[key];
    if (ENTRY_LISTS.has(key) && Array.isArray(was) && Array.isArray(now) && isPrefix(was, now)) {
      if (now.length > was.length) patch.append[key] = now.slice(was.length);
    } else if (!sameJson(was, now)) {
      patch.set[key] = now;
    }
  }
  return patch;
}

/** Whether `list` starts with every entry of `prefix`, the same objects in the same order. */
function isPrefix(prefix: readonly unknown[], list: readonly unknown[]): boolean {
  if (list.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== list[i]) return false;
  return true;
}

/** Whether two JSON values would serialise alike (key order included, as the wire would show). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const ak = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ak.length !== bk.length) return false;
  for (let i = 0; i < ak.length; i++) {
    const k = ak[i] as string;
    if (k !== bk[i] || !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * `before` with `patch` applied: a new projection; `before` is left as it was. Null when the
 * patch does not fit `before` (a field it does not have, an append to something not a list):
 * the patch was not made from this projection, so the caller needs a whole view. Pure.
 */
export function applyPatch<P extends Projection>(before: P, patch: ViewPatch): P | null {
  const old = before as unknown as Record<string, unknown>;
  const next: Record<string, unknown> = { ...old };
  for (const [key, value] of Object.entries(patch.set)) {
    if (!Object.hasOwn(old, key)) return null;
    next[key] = value;
  }
  for (const [key, added] of Object.entries(patch.append)) {
    const list = old[key];
    if (!Object.hasOwn(old, key) || !Array.isArray(list) || !Array.isArray(added)) return null;
    next[key] = [...list, ...added];
  }
  return next as unknown as P;
}

/**
 * What a viewer holding `held` (a projection and its seq) makes of a `patch` message: the
 * projection at the patch's seq; `stale` when the patch is not newer than what it holds (a whole
 * view got there first); null when it holds nothing, or the patch was made from another seq or
 * does not fit: the viewer needs a whole view (resync). Pure.
 */
export function foldPatch<P extends Projection>(held: { seq: number; view: P } | null, message: PatchMessage): { seq: number; view: P } | 'stale' | null {
  if (held === null) return null;
  if (message.seq <= held.seq) return 'stale';
  if (message.base !== held.seq) return null;
  const view = applyPatch(held.view, message.patch);
  return view === null ? null : { seq: message.seq, view };
}
