import type Database from 'better-sqlite3';
import type pg from 'pg';
import { decodeRow, type LogRow } from '../store/log-codec.ts';
import { logColumns } from '../store/pg-log-append.ts';
import { decodeIncident, decodeReal, decodeSession, type SessionDbRow } from '../store/row-codec.ts';
import type { Snapshot } from '../store/store.ts';

/**
 * The copying part of `migrate-store`: rows from a SQLite store's tables into the same tables in
 * PostgreSQL (pg-migrations.ts), each insert skipping what is already there, so a second run is a
 * no-op; what is there already must match what is copied, or the copy stops naming the session.
 */

export type SourceDb = Database.Database;

export interface CopyCounts {
  sessions: number;
  newSessions: number;
  commands: number;
  newCommands: number;
  snapshots: number;
}

/** Rows per INSERT: one round trip each, small enough for PostgreSQL's parameter and memory limits. */
const CHUNK = 1000;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Copies every scenario text (content-addressed: one already there is the same text). Returns how many the source holds. */
export async function copyScenarioTexts(source: SourceDb, target: pg.Client): Promise<number> {
  const rows = source.prepare('SELECT hash, text FROM scenario_texts ORDER BY hash').all() as {
    hash: string;
    text: string;
  }[];
  for (const chunk of chunks(rows)) {
    await target.query(
      'INSERT INTO scenario_texts (hash, text) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (hash) DO NOTHING',
      [chunk.map((r) => r.hash), chunk.map((r) => r.text)],
    );
  }
  return rows.length;
}

/**
 * Copies one session with its tokens, log and snapshots in one transaction. Rejects, copying none
 * of it, when PostgreSQL holds a different session under that id, a live session with its join code,
 * or a log that differs from the source's at some seq.
 */
export async function copySession(source: SourceDb, target: pg.Client, id: string): Promise<CopyCounts> {
  const session = decodeSession(source.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as SessionDbRow);
  const log = (
    source
      .prepare('SELECT seq, command_key, at, actor, command FROM log WHERE session_id = ? ORDER BY seq')
      .all(id) as LogRow[]
  )
    // Validated on the way out, as the store reads them: a damaged row stops the copy naming its seq.
    .map((row) => (decodeRow(id, row), row));
  await target.query('BEGIN');
  try {
    const isNew = await copySessionRow(target, session);
    await copyTokens(source, target, id);
    const newCommands = await copyLog(target, id, log);
    const snapshots = await copySnapshots(source, target, id);
    await copyRunExtras(source, target, id);
    await target.query('COMMIT');
    return { sessions: 1, newSessions: isNew ? 1 : 0, commands: log.length, newCommands, snapshots };
  } catch (error) {
    await target.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function copySessionRow(target: pg.Client, s: ReturnType<typeof decodeSession>): Promise<boolean> {
  const values = [s.id, s.scenarioId, s.scenarioHash, s.seed, s.team, s.joinCode, s.createdAt, s.endedAt];
  let inserted: number | null;
  try {
    inserted = (
      await target.query(
        `INSERT INTO sessions (id, scenario_id, scenario_hash, seed, team, join_code, created_at, ended_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
        values,
      )
    ).rowCount;
  } catch (error) {
    if ((error as { constraint?: string }).constraint === 'sessions_live_join_code') {
      const message = `Session ${s.id}: PostgreSQL already has another live session with join code ${s.joinCode}; end one of them, then copy again.`;
      throw new Error(message, { cause: error });
    }
    throw error;
  }
  if (inserted === 1) return true;
  const sql = 'SELECT scenario_id, scenario_hash, seed, team, join_code, created_at FROM sessions WHERE id = $1';
  const there = (await target.query(sql, [s.id])).rows[0];
  const same =
    there &&
    there.scenario_id === s.scenarioId &&
    there.scenario_hash === s.scenarioHash &&
    there.seed === s.seed &&
    there.team === s.team &&
    there.join_code === s.joinCode &&
    Number(there.created_at) === s.createdAt;
  if (!same) {
    throw new Error(
      `Session ${s.id}: PostgreSQL already holds a different session under this id; copy into an empty database or schema.`,
    );
  }
  // A session that ended in either place has ended.
  if (s.endedAt !== null)
    await target.query('UPDATE sessions SET ended_at = COALESCE(ended_at, $1) WHERE id = $2', [s.endedAt, s.id]);
  return false;
}

async function copyTokens(source: SourceDb, target: pg.Client, id: string): Promise<void> {
  const rows = source
    .prepare('SELECT token_hash, kind, player_id, revoked FROM tokens WHERE session_id = ?')
    .all(id) as { token_hash: string; kind: string; player_id: string | null; revoked: number }[];
  for (const chunk of chunks(rows)) {
    // A token revoked on either side stays revoked.
    await target.query(
      `INSERT INTO tokens (token_hash, session_id, kind, player_id, revoked)
       SELECT t.hash, $1, t.kind, t.player, t.revoked
       FROM unnest($2::text[], $3::text[], $4::text[], $5::boolean[]) AS t(hash, kind, player, revoked)
       ON CONFLICT (token_hash) DO UPDATE SET revoked = tokens.revoked OR excluded.revoked WHERE tokens.session_id = excluded.session_id`,
      [
        id,
        chunk.map((r) => r.token_hash),
        chunk.map((r) => r.kind),
        chunk.map((r) => r.player_id),
        chunk.map((r) => r.revoked === 1),
      ],
    );
  }
}

/** Inserts the rows PostgreSQL lacks, then checks every source seq holds the same command there. Returns how many were new. */
async function copyLog(target: pg.Client, id: string, log: readonly LogRow[]): Promise<number> {
  let inserted = 0;
  for (const chunk of chunks(log)) {
    const result = await target.query(
      `INSERT INTO log (session_id, seq, command_key, at, actor, command)
       SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::text[]) ON CONFLICT DO NOTHING`,
      [id, ...logColumns(chunk)],
    );
    inserted += result.rowCount ?? 0;
  }
  if (inserted === log.length) return inserted;
  const last = log.at(-1)?.seq ?? 0;
  const there = (
    await target.query<{ seq: string; command_key: string }>(
      'SELECT seq, command_key FROM log WHERE session_id = $1 AND seq <= $2 ORDER BY seq',
      [id, last],
    )
  ).rows;
  const keyAt = new Map(there.map((r) => [Number(r.seq), r.command_key]));
  const differs = log.find((row) => keyAt.get(row.seq) !== row.command_key);
  if (differs) {
    throw new Error(
      `Session ${id}: the log in PostgreSQL differs from the SQLite log at seq ${differs.seq}; ` +
        'the two went on separately, so neither can be copied over the other.',
    );
  }
  return inserted;
}

async function copySnapshots(source: SourceDb, target: pg.Client, id: string): Promise<number> {
  const rows = source
    .prepare('SELECT seq, state FROM snapshots WHERE session_id = ? ORDER BY seq')
    .all(id) as Snapshot[];
  for (const row of rows) {
    const sql =
      'INSERT INTO snapshots (session_id, seq, state) VALUES ($1, $2, $3) ON CONFLICT (session_id, seq) DO NOTHING';
    await target.query(sql, [id, row.seq, row.state]);
  }
  return rows.length;
}

/**
 * The run's annotation (one already in PostgreSQL is the newer word, as for records) and its
 * read-only links (a link revoked on either side stays revoked).
 */
async function copyRunExtras(source: SourceDb, target: pg.Client, id: string): Promise<void> {
  const annotation = source
    .prepare('SELECT note, excluded, reason, at FROM run_annotations WHERE session_id = ?')
    .get(id) as { note: string | null; excluded: number; reason: string | null; at: number } | undefined;
  if (annotation) {
    await target.query(
      `INSERT INTO run_annotations (session_id, note, excluded, reason, at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (session_id) DO NOTHING`,
      [id, annotation.note, annotation.excluded === 1, annotation.reason, annotation.at],
    );
  }
  const links = source
    .prepare('SELECT id, token_hash, created_at, revoked_at FROM read_only_links WHERE session_id = ? ORDER BY rowid')
    .all(id) as { id: string; token_hash: string; created_at: number; revoked_at: number | null }[];
  for (const link of links) {
    await target.query(
      `INSERT INTO read_only_links (id, session_id, token_hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET revoked_at = COALESCE(read_only_links.revoked_at, excluded.revoked_at)
       WHERE read_only_links.session_id = excluded.session_id`,
      [link.id, id, link.token_hash, link.created_at, link.revoked_at],
    );
  }
}

/**
 * Copies one table of stored records in the order SQLite first stored them, so PostgreSQL lists them
 * alike; each row is decoded first, so a corrupt one stops the copy. A row already there (by its key)
 * is kept: a debrief that went on in PostgreSQL, or an import made there, is the newer one.
 */
async function copyRecords(
  source: SourceDb,
  target: pg.Client,
  table: { name: 'incidents' | 'real_incidents'; key: string; at: string },
  decode: (key: string, record: string) => unknown,
): Promise<number> {
  const { name, key, at } = table;
  // A store written before this table existed (real incidents came later) has nothing to copy.
  if (!source.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name)) return 0;
  const rows = source.prepare(`SELECT ${key} AS key, record, ${at} AS at FROM ${name} ORDER BY rowid`).all() as {
    key: string;
    record: string;
    at: number;
  }[];
  for (const row of rows) {
    decode(row.key, row.record);
    await target.query(
      `INSERT INTO ${name} (${key}, record, ${at}) VALUES ($1, $2, $3) ON CONFLICT (${key}) DO NOTHING`,
      [row.key, row.record, row.at],
    );
  }
  return rows.length;
}

/** Practice-incident records, by session. */
export function copyIncidents(source: SourceDb, target: pg.Client): Promise<number> {
  return copyRecords(source, target, { name: 'incidents', key: 'session_id', at: 'created_at' }, decodeIncident);
}

/** Imported real incidents, by their stable key. */
export function copyRealIncidents(source: SourceDb, target: pg.Client): Promise<number> {
  return copyRecords(source, target, { name: 'real_incidents', key: 'key', at: 'imported_at' }, decodeReal);
}
