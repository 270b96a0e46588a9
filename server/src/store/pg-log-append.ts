import type { LogRow } from './log-codec.ts';
import { violatedConstraint } from './pg-errors.ts';
import { PgAppendGroup, type AppendBatch } from './pg-append-group.ts';
import type { PgPool } from './pg-pool.ts';
import { DuplicateCommandError, LeaseLostError, SeqConflictError, unknownSession } from './store.ts';

/** One INSERT for a whole batch: one round trip, atomic, and durable when it returns (autocommit). */
const INSERT_LOG = `INSERT INTO log (session_id, seq, command_key, at, actor, command, epoch)
  SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::bigint[])`;
/** The same for the batches of several sessions at once (see pg-append-group.ts). */
const INSERT_LOG_GROUP = `INSERT INTO log (session_id, seq, command_key, at, actor, command, epoch)
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::bigint[])`;
/** Rows in one grouped INSERT at most: a few hundred kB of parameters. */
const MAX_GROUP_ROWS = 1000;

/**
 * The log's appends on PostgreSQL: batches of several sessions go in one INSERT (see
 * pg-append-group.ts); a batch refused there is sent alone, and a refusal is named.
 */
export function logAppends(db: PgPool, poolSize: number): PgAppendGroup {
  return new PgAppendGroup({
    sendGroup: (batches) => sendGroup(db, batches),
    sendOne: (batch) => sendOne(db, batch),
    isRefusal: (error) => violatedConstraint(error) !== null,
    // Leave connections for reads and other writes; measured by `npm run bench:store`.
    maxInFlight: Math.max(1, Math.floor(poolSize / 2)),
    maxRows: MAX_GROUP_ROWS,
  });
}

async function sendGroup(db: PgPool, batches: readonly AppendBatch[]): Promise<void> {
  const rows = batches.flatMap((b) => b.rows);
  const sessionIds = batches.flatMap((b) => b.rows.map(() => b.sessionId));
  const epochs = batches.flatMap((b) => b.rows.map(() => b.epoch));
  await db.write({
    name: 'cq-append-group',
    text: INSERT_LOG_GROUP,
    values: [sessionIds, ...logColumns(rows), epochs],
  });
}

async function sendOne(db: PgPool, { sessionId, rows, epoch }: AppendBatch): Promise<void> {
  try {
    const epochs = rows.map(() => epoch);
    await db.write({ name: 'cq-append', text: INSERT_LOG, values: [sessionId, ...logColumns(rows), epochs] });
  } catch (error) {
    throw await explainAppendFailure(db, sessionId, rows, error);
  }
}

/**
 * Names the conflict behind a failed insert: the first row of the batch whose seq or key is
 * taken. A unique violation waits for the other writer's commit, so its rows are visible now.
 */
async function explainAppendFailure(
  db: PgPool,
  sessionId: string,
  rows: readonly LogRow[],
  error: unknown,
): Promise<unknown> {
  const constraint = violatedConstraint(error);
  if (constraint === 'log_session_id_fkey') return unknownSession(sessionId);
  if (constraint === 'log_lease_lost') return new LeaseLostError(sessionId);
  if (constraint !== 'log_seq_taken' && constraint !== 'log_command_taken') return error;
  const taken = await db.read<{ seq: number; command_key: string }>(
    'SELECT seq, command_key FROM log WHERE session_id = $1 AND (seq = ANY($2::bigint[]) OR command_key = ANY($3::text[]))',
    [sessionId, rows.map((r) => r.seq), rows.map((r) => r.command_key)],
  );
  const seqs = new Set(taken.map((t) => t.seq));
  const keys = new Set(taken.map((t) => t.command_key));
  for (const row of rows) {
    if (seqs.has(row.seq)) return new SeqConflictError(sessionId, row.seq);
    if (keys.has(row.command_key)) return new DuplicateCommandError(sessionId, row.seq, row.command_key);
  }
  return error;
}

/** A batch's rows as the column arrays INSERT_LOG unnests. */
export function logColumns(rows: readonly LogRow[]): unknown[][] {
  return [
    rows.map((r) => r.seq),
    rows.map((r) => r.command_key),
    rows.map((r) => r.at),
    rows.map((r) => r.actor),
    rows.map((r) => r.command),
  ];
}
