import type { MeMessage, PatchMessage, PlayerMe, Projection, View, ViewMessage } from '@chaos-quest/engine';
import {
  foldPatch,
  meMessageSchema,
  patchMessageSchema,
  projectionSchema,
  viewMessageSchema,
} from '@chaos-quest/engine/client';

/**
 * What this client holds: the latest shared projection (`view` and `patch` messages) with the seq it was
 * projected at, the latest `me` (a player's own part, sent only when it changes), and the two
 * composed into the view the screens show (wire.ts explains the split).
 */
export interface ViewSync {
  seq: number;
  shared: Projection | null;
  me: MeMessage | null;
  /** The whole view: null until there is one to show (for a player, until both parts arrived). */
  view: View | null;
}

/**
 * What became of one message: `applied`; `gap` when a view was applied but skipped sequence
 * numbers (so messages were lost and the caller should ask the server to resync); `stale` when an
 * older message arrived late and was dropped; `invalid` when it was not such a message at all.
 */
export type ViewVerdict = 'applied' | 'gap' | 'stale' | 'invalid';

export const EMPTY_SYNC: ViewSync = { seq: 0, shared: null, me: null, view: null };

const valid = <T>(schema: { safeParse(data: unknown): { success: boolean } }, message: unknown): message is T =>
  schema.safeParse(message).success;
const isViewMessage = (message: unknown): message is ViewMessage => valid(viewMessageSchema, message);
const isPatchMessage = (message: unknown): message is PatchMessage => valid(patchMessageSchema, message);
const isMeMessage = (message: unknown): message is MeMessage => valid(meMessageSchema, message);

/** A player's projection plus their `me` (in the order the server's `viewFor` writes it); anyone else's projection as it is. */
function compose(shared: Projection | null, me: PlayerMe | null): View | null {
  if (shared === null || shared.viewer !== 'player') return shared;
  return me === null ? null : { ...shared, me };
}

/**
 * Folds one `view` message into the held state. Projections are whole snapshots, so any newer one
 * replaces the older; one at the held seq replaces it too (the server re-sends on reconnect and
 * resync), and with `replace` (a new connection's first view) any one does. Never throws: a malformed message is reported as `invalid` and leaves `sync` unchanged. Pure.
 */
export function receiveView(
  sync: ViewSync,
  message: unknown,
  replace = false,
): { sync: ViewSync; verdict: ViewVerdict } {
  if (!isViewMessage(message)) return { sync, verdict: 'invalid' };
  if (replace)
    return {
      sync: { seq: message.seq, shared: message.view, me: sync.me, view: compose(message.view, sync.me?.me ?? null) },
      verdict: 'applied',
    };
  if (sync.shared !== null && message.seq < sync.seq) return { sync, verdict: 'stale' };
  const next: ViewSync = {
    seq: message.seq,
    shared: message.view,
    me: sync.me,
    view: compose(message.view, sync.me?.me ?? null),
  };
  const gap = sync.shared !== null && message.seq > sync.seq + 1;
  return { sync: next, verdict: gap ? 'gap' : 'applied' };
}

/**
 * Folds one `patch` message into the held projection. One not newer than the held seq is `stale`
 * (a whole view got here first); one made from another seq than the held one, or that does not
 * fit the held projection, is a `gap`: the caller resyncs for a whole view. Never throws. Pure.
 */
export function receivePatch(sync: ViewSync, message: unknown): { sync: ViewSync; verdict: ViewVerdict } {
  if (!isPatchMessage(message)) return { sync, verdict: 'invalid' };
  const folded = foldPatch(sync.shared === null ? null : { seq: sync.seq, view: sync.shared }, message);
  if (folded === 'stale') return { sync, verdict: 'stale' };
  if (folded === null) return { sync, verdict: 'gap' };
  // A patch that fits can still make a projection no screen can read (a server bug): never render it.
  if (!valid(projectionSchema, folded.view)) return { sync, verdict: 'invalid' };
  return {
    sync: { seq: folded.seq, shared: folded.view, me: sync.me, view: compose(folded.view, sync.me?.me ?? null) },
    verdict: 'applied',
  };
}

/**
 * Folds one `me` message into the held state: it replaces the held one unless it is older. It may
 * come before or after the `view` of its seq, and lags it when it did not change, so it is never a
 * gap. Never throws: a malformed message is `invalid` and leaves `sync` unchanged. Pure.
 */
export function receiveMe(sync: ViewSync, message: unknown, replace = false): { sync: ViewSync; verdict: ViewVerdict } {
  if (!isMeMessage(message)) return { sync, verdict: 'invalid' };
  if (!replace && sync.me !== null && message.seq < sync.me.seq) return { sync, verdict: 'stale' };
  return { sync: { ...sync, me: message, view: compose(sync.shared, message.me) }, verdict: 'applied' };
}
