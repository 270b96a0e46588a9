import type { GameSnapshot, SessionState, TimelineEntry } from '../session/state.ts';

/**
 * Parts of a projection kept from one state to the next while what they are made from is the same
 * object: a list's window, the timeline's window and count, and parts made from the game's
 * snapshot. A kept part is the very same object in the next projection, so it costs no building
 * and the patch (protocol/patch.ts) skips it by identity. Each cache is weak: a state nobody holds
 * takes its parts with it. What a part is kept by must be everything it is made from; the engine's
 * properties test projects every state against a copy that shares no object with it.
 */

/**
 * The last `limit` entries of `list` that pass `keep`, in order: the very objects the state holds
 * (ENTRY_LIST_FIELDS), found from the end, so a long list costs a view no more than its window.
 */
function newest<T>(list: readonly T[], limit: number, keep?: (item: T) => boolean): T[] {
  if (!keep) return list.length <= limit ? (list as T[]) : list.slice(list.length - limit);
  const found: T[] = [];
  for (let i = list.length - 1; i >= 0 && found.length < limit; i--) {
    const item = list[i] as T;
    if (keep(item)) found.push(item);
  }
  return found.reverse();
}

/** Per list and window (see windowOf): the window last made of it, and the list's length then. */
const windows = new WeakMap<readonly unknown[], Map<string, { length: number; window: unknown[] }>>();

/**
 * `newest(list, limit, keep)`, and the very same array as last time while the list is the same:
 * a part of the view that no command touched keeps its identity, so the next patch skips it
 * without comparing its entries. `key` names the window (the field, and what `keep` lets
 * through). A list changes by being replaced, except while a log replays, when it grows in place
 * (draft.ts): its length tells that apart.
 */
export function windowOf<T>(list: readonly T[], limit: number, key: string, keep?: (item: T) => boolean): T[] {
  let byKey = windows.get(list);
  const known = byKey?.get(key);
  if (known && known.length === list.length) return known.window as T[];
  const window = newest(list, limit, keep);
  if (!byKey) windows.set(list, (byKey = new Map()));
  byKey.set(key, { length: list.length, window });
  return window;
}

interface KnownTimeline {
  length: number;
  last: TimelineEntry;
  /** The newest entries the audience sees (its view's window), and how many it sees in all. */
  window: TimelineEntry[];
  count: number;
}

/** Per timeline (known by its first entry, which every later state's timeline shares) and audience: what was last made of it. */
const knownTimelines = new WeakMap<TimelineEntry, Map<string, KnownTimeline>>();

/**
 * The newest `limit` timeline entries `visible` lets through, and how many it lets through in all;
 * `key` names the audience. The timeline only grows, and each state's copy holds the very entries
 * of the one before, so both carry on from the last ones made for the same timeline and audience:
 * one view costs the new entries, not a walk over the window or a pass over up to
 * SESSION_LIMITS.timeline entries, and a command that added none gives the very same window again.
 */
export function timelineWindow(
  list: readonly TimelineEntry[],
  limit: number,
  key: string,
  visible: (entry: TimelineEntry) => boolean,
): { window: TimelineEntry[]; count: number } {
  const first = list[0];
  if (first === undefined) return { window: [], count: 0 };
  let byKey = knownTimelines.get(first);
  if (!byKey) knownTimelines.set(first, (byKey = new Map()));
  const known = byKey.get(key);
  // The same entry at the known length's end: the list goes on from it (another branch would differ there).
  const goesOn = known !== undefined && known.length <= list.length && list[known.length - 1] === known.last;
  if (goesOn && known.length === list.length) return known;
  let window: TimelineEntry[];
  let count: number;
  if (goesOn) {
    const added: TimelineEntry[] = [];
    for (let i = known.length; i < list.length; i++) {
      const entry = list[i] as TimelineEntry;
      if (visible(entry)) added.push(entry);
    }
    window = added.length === 0 ? known.window : movedOn(known.window, added, limit);
    count = known.count + added.length;
  } else {
    window = newest(list, limit, visible);
    count = 0;
    for (const entry of list) if (visible(entry)) count += 1;
  }
  const made = { length: list.length, last: list[list.length - 1] as TimelineEntry, window, count };
  byKey.set(key, made);
  return made;
}

/** The last `limit` of `window` followed by `added`, copied once: a full window moves on with every line. */
function movedOn<T>(window: readonly T[], added: readonly T[], limit: number): T[] {
  const length = Math.min(limit, window.length + added.length);
  const next = new Array<T>(length);
  for (let i = length - 1, j = added.length - 1, k = window.length - 1; i >= 0; i--)
    next[i] = (j >= 0 ? added[j--] : window[k--]) as T;
  return next;
}

export interface Made<T> {
  also: readonly unknown[];
  value: T;
}

/**
 * A part of the view made from the game's snapshot and the few other fields `also` names, made
 * once per snapshot: a snapshot is never changed in place (see availableChoices), so while a
 * session's commands leave it alone (a line, a vote, a raised hand) every projection, of every
 * audience, gets the very same part, and the next patch skips it without comparing. `also` must
 * hold everything else of the state that `make` reads (a list by its length too: a replay grows
 * lists in place).
 */
export function perSnapshot<T>(
  made: WeakMap<GameSnapshot, Made<T>>,
  state: SessionState,
  also: readonly unknown[],
  make: () => T,
): T {
  const known = made.get(state.game);
  if (known && known.also.length === also.length && known.also.every((value, i) => value === also[i]))
    return known.value;
  const value = make();
  made.set(state.game, { also, value });
  return value;
}
