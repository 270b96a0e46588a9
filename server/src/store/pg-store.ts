import pg from 'pg';
import type { IncidentRecord } from '@chaos-quest/engine';
import { decodeRow, encodeBatch, type LogRow } from './log-codec.ts';
import { explainPgFailure, isPgFailure, violatedConstraint } from './pg-errors.ts';
import { migratePg } from './pg-migrations.ts';
import {
  assertContentHash, assertSnapshot, decodeIncident, decodeSeat, decodeSession, encodeIncident, encodeSession,
  type SessionDbRow, type TokenDbRow,
} from './row-codec.ts';
import {
  DuplicateCommandError, JoinCodeTakenError, SeqConflictError, SNAPSHOTS_KEPT,
  type LogEntry, type Seat, type SessionRow, type Snapshot, type Store, type StoreHealth,
} from './store.ts';

export interface PgStoreOptions {
  /** Connections in the pool (default 10): appends from different sessions run in parallel, one per connection. */
  poolSize?: number;
  /**
   * `on` (the default): a write resolves only once its commit is flushed to PostgreSQL's WAL on
   * disk, whatever the server or role default says. `off` exists only so the benchmark can
   * measure the ceiling.
   */
  synchronousCommit?: 'on' | 'off';
  /** How long to wait for a connection before a call fails (default 5 s). */
  connectionTimeoutMs?: number;
}

/** BIGINT columns come back as JS numbers: every one we store (seq, ms timestamps) is a safe integer. */
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid !== pg.types.builtins.INT8) return pg.types.getTypeParser(oid, format as 'text');
    return (text: string) => {
      const value = Number(text);
      if (!Number.isSafeInteger(value)) throw new Error(`A BIGINT column holds ${text}, beyond what Chaos Quest stores.`);
      return value;
    };
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** One INSERT for a whole batch: one round trip, atomic, and durable when it returns (autocommit). */
const INSERT_LOG = `INSERT INTO log (session_id, seq, command_key, at, actor, command)
  SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::text[])`;
const SESSION_COLUMNS = 'id, scenario_id, scenario_hash, seed, team, join_code, created_at, ended_at';

/**
 * The Store on PostgreSQL (node-postgres), for several nodes sharing sessions. `(session_id, seq)`
 * is the log's primary key and `(session_id, command_key)` unique, so two nodes can never both
 * append the same step; every write is one committed statement or transaction with
 * synchronous_commit on before it resolves. Open it with `PgStore.open`.
 */
export class PgStore implements Store {
  /** Where it points, without credentials, for messages. */
  readonly where: string;
  readonly #pool: pg.Pool;
  readonly #pending = new Set<Promise<unknown>>();
  #closed = false;
  #failure: string | null = null;

  private constructor(pool: pg.Pool, where: string) {
    this.#pool = pool;
    this.where = where;
    // An idle connection that PostgreSQL drops emits here; unhandled, it would end the process.
    pool.on('error', (error) => {
      this.#failure = `lost a connection to PostgreSQL at ${where}: ${error.message}`;
    });
  }

  /**
   * Connects to `url` (postgres://…; the schema is the URL's search_path, `public` by default) and
   * migrates the schema (see pg-migrations.ts). Rejects, with the pool closed, when PostgreSQL
   * cannot be reached or the schema was written by a newer release.
   */
  static async open(url: string, options: PgStoreOptions = {}): Promise<PgStore> {
    const synchronousCommit = options.synchronousCommit ?? 'on';
    const pool = new pg.Pool({
      connectionString: url,
      max: Math.max(1, options.poolSize ?? 10),
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
      types: TYPES,
      // A database or role default of `off` would ack commands a crash can still lose.
      onConnect: async (client) => void (await client.query(`SET synchronous_commit = ${synchronousCommit === 'off' ? 'off' : 'on'}`)),
    });
    const store = new PgStore(pool, describeUrl(url));
    try {
      const client = await pool.connect();
      try {
        await migratePg(client);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw isPgFailure(error) ? explainPgFailure(error, store.where) : error;
    }
    return store;
  }

  /** 'failing' once closed, or while the last write failed because PostgreSQL could not take it. */
  health(): StoreHealth {
    if (this.#closed) return { state: 'failing', reason: 'the store is closed' };
    return this.#failure === null ? { state: 'ok' } : { state: 'failing', reason: this.#failure };
  }

  async putScenarioText(hash: string, text: string): Promise<void> {
    assertContentHash(hash, text);
    await this.#write('INSERT INTO scenario_texts (hash, text) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING', [hash, text]);
  }

  async getScenarioText(hash: string): Promise<string | null> {
    const rows = await this.#read<{ text: string }>('SELECT text FROM scenario_texts WHERE hash = $1', [hash]);
    return rows[0]?.text ?? null;
  }

  async createSession(row: SessionRow, facilitatorTokenHash: string): Promise<void> {
    const s = encodeSession(row);
    // Session and facilitator token in one statement: one round trip, and both or neither.
    const sql = `WITH s AS (
        INSERT INTO sessions (${SESSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id)
      INSERT INTO tokens (token_hash, session_id, kind) SELECT $9, id, 'facilitator' FROM s`;
    const values = [s.id, s.scenario_id, s.scenario_hash, s.seed, s.team, s.join_code, s.created_at, s.ended_at, facilitatorTokenHash];
    await this.#write(sql, values, (constraint) => {
      if (constraint === 'sessions_pkey') return new Error(`Session ${row.id} already exists.`);
      if (constraint === 'sessions_live_join_code') return new JoinCodeTakenError(row.joinCode);
      if (constraint === 'sessions_scenario_hash_fkey') {
        return new Error(`Scenario text ${row.scenarioHash} is not stored: call putScenarioText before createSession.`);
      }
      if (constraint === 'tokens_pkey') return new Error(`Token hash for session ${row.id} is already in use.`);
      return null;
    });
  }

  async getSession(id: string): Promise<SessionRow | null> {
    const rows = await this.#read<SessionDbRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = $1`, [id]);
    return rows[0] ? decodeSession(rows[0]) : null;
  }

  async findLiveSessionByJoinCode(joinCode: string): Promise<SessionRow | null> {
    const sql = `SELECT ${SESSION_COLUMNS} FROM sessions WHERE join_code = $1 AND ended_at IS NULL`;
    const rows = await this.#read<SessionDbRow>(sql, [joinCode]);
    return rows[0] ? decodeSession(rows[0]) : null;
  }

  async listSessions(options: { live?: boolean; limit?: number } = {}): Promise<SessionRow[]> {
    const where = options.live === undefined ? '' : options.live ? 'WHERE ended_at IS NULL' : 'WHERE ended_at IS NOT NULL';
    // LIMIT NULL is no limit; a negative limit means none too, as in SQLite.
    const limit = options.limit === undefined || options.limit < 0 ? null : options.limit;
    const sql = `SELECT ${SESSION_COLUMNS} FROM sessions ${where} ORDER BY created_at DESC, ord DESC LIMIT $1`;
    const rows = await this.#read<SessionDbRow>(sql, [limit]);
    return rows.map(decodeSession);
  }

  async markEnded(id: string, endedAt: number): Promise<void> {
    const result = await this.#write('UPDATE sessions SET ended_at = COALESCE(ended_at, $1) WHERE id = $2', [endedAt, id]);
    if (result.rowCount === 0) throw unknownSession(id);
  }

  async addPlayerToken(sessionId: string, playerId: string, tokenHash: string): Promise<void> {
    const sql = "INSERT INTO tokens (token_hash, session_id, kind, player_id) VALUES ($1, $2, 'player', $3)";
    await this.#write(sql, [tokenHash, sessionId, playerId], (c) => {
      if (c === 'tokens_session_id_fkey') return unknownSession(sessionId);
      if (c === 'tokens_pkey') return new Error(`Token hash for session ${sessionId} is already in use.`);
      return null;
    });
  }

  async findSeat(tokenHash: string): Promise<Seat | null> {
    const sql = 'SELECT session_id, kind, player_id FROM tokens WHERE token_hash = $1 AND NOT revoked';
    const rows = await this.#read<TokenDbRow>(sql, [tokenHash]);
    return rows[0] ? decodeSeat(rows[0]) : null;
  }

  async revokePlayer(sessionId: string, playerId: string): Promise<void> {
    // The UPDATE runs whatever the SELECT finds; the SELECT tells an unknown session apart.
    const sql = `WITH revoked AS (UPDATE tokens SET revoked = true WHERE session_id = $1 AND player_id = $2)
      SELECT 1 FROM sessions WHERE id = $1`;
    const result = await this.#write(sql, [sessionId, playerId]);
    if (result.rowCount === 0) throw unknownSession(sessionId);
  }

  async append(sessionId: string, entries: readonly LogEntry[]): Promise<void> {
    this.#assertOpen();
    const rows = encodeBatch(sessionId, entries);
    if (rows.length === 0) return;
    const columns = logColumns(rows);
    try {
      await this.#write({ name: 'cq-append', text: INSERT_LOG, values: [sessionId, ...columns] });
    } catch (error) {
      throw await this.#explainAppendFailure(sessionId, rows, error);
    }
  }

  /**
   * Names the conflict behind a failed insert: the first row of the batch whose seq or key is
   * taken. A unique violation waits for the other writer's commit, so its rows are visible now.
   */
  async #explainAppendFailure(sessionId: string, rows: readonly LogRow[], error: unknown): Promise<unknown> {
    const constraint = violatedConstraint(error);
    if (constraint === 'log_session_id_fkey') return unknownSession(sessionId);
    if (constraint !== 'log_seq_taken' && constraint !== 'log_command_taken') return error;
    const taken = await this.#read<{ seq: number; command_key: string }>(
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

  async readLog(sessionId: string, afterSeq = 0): Promise<LogEntry[]> {
    const rows = await this.#read<LogRow>(
      'SELECT seq, command_key, at, actor, command FROM log WHERE session_id = $1 AND seq > $2 ORDER BY seq',
      [sessionId, afterSeq],
    );
    return rows.map((row) => decodeRow(sessionId, row));
  }

  async findCommand(sessionId: string, commandKey: string): Promise<number | null> {
    const sql = 'SELECT seq FROM log WHERE session_id = $1 AND command_key = $2';
    const rows = await this.#read<{ seq: number }>(sql, [sessionId, commandKey]);
    return rows[0]?.seq ?? null;
  }

  async putSnapshot(sessionId: string, snapshot: Snapshot): Promise<void> {
    assertSnapshot(sessionId, snapshot);
    await this.#transaction(async (client) => {
      try {
        await client.query(
          `INSERT INTO snapshots (session_id, seq, state) VALUES ($1, $2, $3)
           ON CONFLICT (session_id, seq) DO UPDATE SET state = excluded.state`,
          [sessionId, snapshot.seq, snapshot.state],
        );
      } catch (error) {
        if (violatedConstraint(error) === 'snapshots_session_id_fkey') throw unknownSession(sessionId);
        throw error;
      }
      // Deletes all but the newest SNAPSHOTS_KEPT; with fewer, the subquery is NULL and nothing goes.
      await client.query(
        `DELETE FROM snapshots WHERE session_id = $1 AND seq <
         (SELECT seq FROM snapshots WHERE session_id = $1 ORDER BY seq DESC LIMIT 1 OFFSET ${SNAPSHOTS_KEPT - 1})`,
        [sessionId],
      );
    });
  }

  async latestSnapshot(sessionId: string): Promise<Snapshot | null> {
    const sql = 'SELECT seq, state FROM snapshots WHERE session_id = $1 ORDER BY seq DESC LIMIT 1';
    const rows = await this.#read<{ seq: number; state: string }>(sql, [sessionId]);
    const row = rows[0];
    if (!row) return null;
    if (!Number.isSafeInteger(row.seq) || typeof row.state !== 'string') throw new Error(`Corrupt snapshot row in session ${sessionId}.`);
    return { seq: row.seq, state: row.state };
  }

  async putIncidentRecord(sessionId: string, record: IncidentRecord): Promise<void> {
    const text = encodeIncident(sessionId, record);
    const sql = `INSERT INTO incidents (session_id, record, created_at) VALUES ($1, $2, $3)
      ON CONFLICT (session_id) DO UPDATE SET record = excluded.record`;
    await this.#write(sql, [sessionId, text, Date.now()], (c) => (c === 'incidents_session_id_fkey' ? unknownSession(sessionId) : null));
  }

  async listIncidentRecords(): Promise<IncidentRecord[]> {
    const rows = await this.#read<{ session_id: string; record: string }>('SELECT session_id, record FROM incidents ORDER BY ord');
    return rows.map((row) => decodeIncident(row.session_id, row.record));
  }

  /** The synchronous_commit the store's connections write with: 'on' unless opened for the benchmark's ceiling. */
  async synchronousCommit(): Promise<string> {
    const rows = await this.#read<{ setting: string }>("SELECT current_setting('synchronous_commit') AS setting");
    return rows[0]?.setting ?? 'unknown';
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.allSettled([...this.#pending]);
    await this.#pool.end();
  }

  /** Runs a write; a violated constraint becomes what `refuse` makes of it, a failure marks the store failing. */
  async #write(query: string | pg.QueryConfig, values?: unknown[], refuse?: (constraint: string) => Error | null): Promise<pg.QueryResult> {
    this.#assertOpen();
    try {
      const result = await this.#track(this.#pool.query(query, values));
      this.#failure = null;
      return result;
    } catch (error) {
      const constraint = violatedConstraint(error);
      const refusal = constraint === null ? null : refuse?.(constraint);
      if (refusal) throw refusal;
      throw this.#noteFailure(error);
    }
  }

  async #read<R extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<R[]> {
    this.#assertOpen();
    try {
      return (await this.#track(this.#pool.query<R>(sql, values))).rows;
    } catch (error) {
      throw isPgFailure(error) ? explainPgFailure(error, this.where) : error;
    }
  }

  /** Runs `body` in a transaction on one connection: committed before it resolves, rolled back if it throws. */
  async #transaction(body: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    this.#assertOpen();
    const run = async () => {
      const client = await this.#pool.connect();
      let broken: unknown = undefined;
      try {
        await client.query('BEGIN');
        await body(client);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => (broken = rollbackError));
        throw error;
      } finally {
        // A connection that failed to roll back is in an unknown state: the pool must not reuse it.
        client.release(broken instanceof Error ? broken : undefined);
      }
    };
    try {
      await this.#track(run());
      this.#failure = null;
    } catch (error) {
      throw this.#noteFailure(error);
    }
  }

  #noteFailure(error: unknown): unknown {
    if (!isPgFailure(error)) return error;
    this.#failure = `the last write to PostgreSQL at ${this.where} failed: ${error.message}`;
    return explainPgFailure(error, this.where);
  }

  /** Keeps `promise` in the set close() waits for. */
  #track<T>(promise: Promise<T>): Promise<T> {
    this.#pending.add(promise);
    const forget = () => this.#pending.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error(`The store on PostgreSQL at ${this.where} is closed.`);
  }
}

const unknownSession = (id: string) => new Error(`Session ${id} does not exist.`);

/** A batch's rows as the column arrays INSERT_LOG unnests. */
export function logColumns(rows: readonly LogRow[]): unknown[][] {
  return [rows.map((r) => r.seq), rows.map((r) => r.command_key), rows.map((r) => r.at), rows.map((r) => r.actor), rows.map((r) => r.command)];
}

/** `host:port/database` of a postgres:// URL, never its password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the configured URL';
  }
}
