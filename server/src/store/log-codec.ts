import { loggedCommandSchema } from '@chaos-quest/engine';
import type { LogEntry } from './store.ts';

/**
 * How a log entry is kept in a row, and the checks on the way in and out. Both stores use it, so
 * they accept and reject exactly the same entries. Validating with the engine's own schema costs
 * about 3 µs a row (measured by `npm run bench:store`), small beside an fsync on the way in and
 * beside `step` on the way out, and it turns a damaged row into an error that names it.
 */

/** A log row as stored: actor and command are JSON text. */
export interface LogRow {
  seq: number;
  command_key: string;
  at: number;
  actor: string;
  command: string;
}

const MAX_COMMAND_KEY = 200;

/**
 * Validates a batch for `append` and serialises it. Throws a plain Error naming the session and
 * seq when an entry is malformed, when seqs are not consecutive, or when the batch repeats a key.
 */
export function encodeBatch(sessionId: string, entries: readonly LogEntry[]): LogRow[] {
  const first = entries[0]?.seq ?? 1;
  const keys = new Set<string>();
  return entries.map((entry, i) => {
    const where = `session ${sessionId} seq ${entry.seq}`;
    if (entry.seq !== first + i)
      throw new Error(`Cannot append ${where}: a batch must hold consecutive seqs starting at ${first}.`);
    const { commandKey, ...logged } = entry;
    if (typeof commandKey !== 'string' || commandKey.length === 0 || commandKey.length > MAX_COMMAND_KEY) {
      throw new Error(`Cannot append ${where}: commandKey must be 1–${MAX_COMMAND_KEY} characters.`);
    }
    if (keys.has(commandKey))
      throw new Error(`Cannot append ${where}: command key ${commandKey} appears twice in one batch.`);
    keys.add(commandKey);
    const parsed = loggedCommandSchema.safeParse(logged);
    if (!parsed.success) throw new Error(`Cannot append ${where}: ${describe(parsed.error.issues)}`);
    const { seq, at, actor, command } = parsed.data;
    return { seq, command_key: commandKey, at, actor: JSON.stringify(actor), command: JSON.stringify(command) };
  });
}

/** Parses a stored row back. Throws an Error naming session and seq when the row is damaged. */
export function decodeRow(sessionId: string, row: LogRow): LogEntry {
  const where = `Corrupt log entry in session ${sessionId} at seq ${String(row.seq)}`;
  let raw: unknown;
  try {
    raw = { seq: row.seq, at: row.at, actor: JSON.parse(row.actor), command: JSON.parse(row.command) };
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = loggedCommandSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${where}: ${describe(parsed.error.issues)}`);
  if (typeof row.command_key !== 'string' || row.command_key.length === 0)
    throw new Error(`${where}: missing command key.`);
  return { ...parsed.data, commandKey: row.command_key };
}

function describe(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid entry.';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
