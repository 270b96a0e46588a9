import { replay, stableStringify, type Command } from '@chaos-quest/engine';
import type { LogEntry } from '../store/store.ts';
import type { HubContext } from './hub-context.ts';
import type { LiveSession } from './live-session.ts';

/** What a command asks for, whatever its id: a retry carries the same; a reused id something else. */
function payloadOf(command: Command): string {
  const { id: _id, ...rest } = command;
  return stableStringify(rest);
}

/** Whether two commands with one id ask for the same thing: a retry, not a reused id. */
export function samePayload(a: Command, b: Command): boolean {
  return a === b || payloadOf(a) === payloadOf(b);
}

/**
 * Brings the cached state up to the log that another writer extended (another node appended, or
 * held the session before this one): replays `known` when it continues the state exactly, else
 * what the store holds after the state's seq. Returns the entries applied (empty when none were
 * new), or null when they do not replay, so the caller gives up. Rejects when the store cannot be read.
 * Must run inside the session's queue.
 */
export async function catchUp(
  ctx: HubContext,
  session: LiveSession,
  known: readonly LogEntry[] = [],
): Promise<LogEntry[] | null> {
  const fresh = known.filter((e) => e.seq > session.state.seq);
  const tail = fresh[0]?.seq === session.state.seq + 1 ? fresh : await ctx.store.readLog(session.id, session.state.seq);
  if (tail.length === 0) return [];
  const options = { scenarioHash: session.row.scenarioHash, team: session.row.team, createdAt: session.row.createdAt };
  const result = replay(session.scenario, session.row.seed, tail, options, session.state);
  if (!result.ok) return null;
  session.state = result.state;
  for (const e of tail) session.recent.set(e.commandKey, { seq: e.seq, command: e.command });
  return tail;
}
