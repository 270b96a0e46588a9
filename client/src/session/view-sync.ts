import type { View, ViewMessage } from '@chaos-quest/engine';

/** The latest view this client holds and the sequence number it was projected at. */
export interface ViewSync {
  seq: number;
  view: View | null;
}

/**
 * What became of one `view` message: `applied`; `gap` when it was applied but skipped sequence
 * numbers (so messages were lost and the caller should ask the server to resync); `stale` when an
 * older message arrived late and was dropped; `invalid` when it was not a view message at all.
 */
export type ViewVerdict = 'applied' | 'gap' | 'stale' | 'invalid';

export const EMPTY_SYNC: ViewSync = { seq: 0, view: null };

function isViewMessage(message: unknown): message is ViewMessage {
  if (typeof message !== 'object' || message === null) return false;
  const { seq, view } = message as { seq?: unknown; view?: unknown };
  return typeof seq === 'number' && Number.isInteger(seq) && seq >= 0 && typeof view === 'object' && view !== null;
}

/**
 * Folds one message into the held view. Views are whole snapshots, so any newer one replaces the
 * older; a message at the held seq replaces it too (the server re-sends on reconnect and resync).
 * Never throws: a malformed message is reported as `invalid` and leaves `sync` unchanged. Pure.
 */
export function receiveView(sync: ViewSync, message: unknown): { sync: ViewSync; verdict: ViewVerdict } {
  if (!isViewMessage(message)) return { sync, verdict: 'invalid' };
  if (sync.view !== null && message.seq < sync.seq) return { sync, verdict: 'stale' };
  const next = { seq: message.seq, view: message.view };
  const gap = sync.view !== null && message.seq > sync.seq + 1;
  return { sync: next, verdict: gap ? 'gap' : 'applied' };
}
