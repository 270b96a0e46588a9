import { ENTRY_LIST_FIELDS, type Projection } from '../views/view.ts';
import type { PatchMessage } from './wire.ts';

/**
 * How one projection became the next, for a viewer who holds the first: most commands add an entry
 * or two to the timeline and touch a field or two, so a patch is a few hundred bytes where the
 * whole view is kilobytes and grows all game long.
 *
 * `set` holds the new value of every field that changed, by its name; for a list of as many items
 * as before with at most half of them changed (a raised hand in the players, a vote in the
 * choices), each changed item by its path instead, `field/index`, so a table of ten raising a hand
 * costs one player's bytes, not ten. `append` holds, for an entry list (ENTRY_LIST_FIELDS) that
 * only grew, the entries added at its end, and `drop` how many of its oldest entries left the
 * view's window to make room. Pure and dependency-free, so the client applies patches with the
 * very code the server's patches are checked against.
 */
export interface ViewPatch {
  /** New values by field name, or by `field/index` for one item of a list field (see above). */
  set: Record<string, unknown>;
  append: Record<string, unknown[]>;
  /** For an entry list whose window moved on (VIEW_WINDOWS): how many entries fell off its start. */
  drop?: Record<string, number>;
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
  if (before.viewer !== after.viewer || fieldCount(old) !== fieldCount(next)) return null;
  const patch: ViewPatch = { set: {}, append: {} };
  for (const key in next) {
    if (!Object.hasOwn(old, key)) return null;
    const was = old[key];
    const now = next[key];
    // A part built once and shared by both projections (see shared-parts.ts) has not changed.
    if (was === now) continue;
    const moved = ENTRY_LISTS.has(key) && Array.isArray(was) && Array.isArray(now) ? slide(was, now) : null;
    if (moved) {
      if (moved.drop > 0) (patch.drop ??= {})[key] = moved.drop;
      if (moved.added.length > 0) patch.append[key] = moved.added;
    } else if (
      !(Array.isArray(was) && Array.isArray(now) && setItems(patch.set, key, was, now)) &&
      !sameJson(was, now)
    ) {
      patch.set[key] = now;
    }
  }
  return patch;
}

/** How many fields a projection has; counted, not listed: a patch is made for every room on every command. */
function fieldCount(projection: Record<string, unknown>): number {
  let count = 0;
  // A projection is a plain object literal: nothing enumerable comes from its prototype.
  for (const _ in projection) count += 1;
  return count;
}

/**
 * Puts in `set` each item of `list` that differs from the one at its index in `was`, by its path,
 * when the two are as long and at most half the items differ; false (nothing put) otherwise, and
 * the caller compares the lists whole. A list with nothing changed is true with nothing put.
 */
function setItems(
  set: Record<string, unknown>,
  key: string,
  was: readonly unknown[],
  list: readonly unknown[],
): boolean {
  if (was.length !== list.length || list.length < 2) return false;
  let changed: number[] | null = null;
  for (let i = 0; i < list.length; i++) {
    if (sameJson(was[i], list[i])) continue;
    (changed ??= []).push(i);
    if (changed.length * 2 > list.length) return false;
  }
  if (changed) for (const i of changed) set[`${key}/${i}`] = list[i];
  return true;
}

/**
 * How `list` follows from `was` when it is the same window moved on: its first `drop` entries gone
 * and `added` new ones at the end, the rest the same objects in the same order; else null.
 */
function slide(was: readonly unknown[], list: readonly unknown[]): { drop: number; added: unknown[] } | null {
  const drop = was.length === 0 || list.length === 0 ? was.length : was.indexOf(list[0]);
  if (drop === -1) return null;
  const kept = was.length - drop;
  if (list.length < kept) return null;
  for (let i = 0; i < kept; i++) if (was[drop + i] !== list[i]) return null;
  return { drop, added: list.slice(kept) };
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
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao);
  const bk = Object.keys(bo);
  // Keys holding undefined are skipped, as JSON leaves them out; the rest must match in order.
  for (let i = 0, j = 0; ; i++, j++) {
    while (i < ak.length && ao[ak[i] as string] === undefined) i++;
    while (j < bk.length && bo[bk[j] as string] === undefined) j++;
    if (i === ak.length || j === bk.length) return i === ak.length && j === bk.length;
    const k = ak[i] as string;
    if (k !== bk[j] || !sameJson(ao[k], bo[k])) return false;
  }
}

/**
 * `before` with `patch` applied: a new projection; `before` is left as it was. Null when the
 * patch does not fit `before` (a field it does not have, an append to something not a list):
 * the patch was not made from this projection, so the caller needs a whole view. Pure.
 */
export function applyPatch<P extends Projection>(before: P, patch: ViewPatch): P | null {
  const old = before as unknown as Record<string, unknown>;
  const next: Record<string, unknown> = { ...old };
  for (const [path, value] of Object.entries(patch.set)) {
    const slash = path.indexOf('/');
    if (slash === -1) {
      if (!Object.hasOwn(old, path)) return null;
      next[path] = value;
      continue;
    }
    const key = path.slice(0, slash);
    const at = path.slice(slash + 1);
    const index = Number(at);
    const list = old[key];
    if (!Object.hasOwn(old, key) || !Array.isArray(list) || String(index) !== at || index < 0 || index >= list.length)
      return null;
    // The list is copied once, however many of its items the patch sets; `before` keeps its own.
    if (next[key] === list) next[key] = [...list];
    (next[key] as unknown[])[index] = value;
  }
  for (const [key, count] of Object.entries(patch.drop ?? {})) {
    const list = old[key];
    if (
      !Object.hasOwn(old, key) ||
      !Array.isArray(list) ||
      !Number.isInteger(count) ||
      count < 0 ||
      count > list.length
    )
      return null;
    next[key] = list.slice(count);
  }
  for (const [key, added] of Object.entries(patch.append)) {
    const list = next[key];
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
export function foldPatch<P extends Projection>(
  held: { seq: number; view: P } | null,
  message: PatchMessage,
): { seq: number; view: P } | 'stale' | null {
  if (held === null) return null;
  if (message.seq <= held.seq) return 'stale';
  if (message.base !== held.seq) return null;
  const view = applyPatch(held.view, message.patch);
  return view === null ? null : { seq: message.seq, view };
}
