import type { IncidentRecord, ReadOnlyLink, RealIncident, RunAnnotation, TrackedAction } from '@chaos-quest/engine';
import { decodeAction, encodeAction, type EvaluatorSeat } from './exercise-codec.ts';
import { decodeRow, encodeBatch, type LogRow } from './log-codec.ts';
import { explainPgFailure, isPgFailure, violatedConstraint } from './pg-errors.ts';
import { migratePg } from './pg-migrations.ts';
import type { PgAppendGroup } from './pg-append-group.ts';
import { logAppends } from './pg-log-append.ts';
import { DEFAULT_POOL_SIZE, PgPool, type PgPoolOptions } from './pg-pool.ts';
import {
  assertContentHash,
  assertSnapshot,
  decodeConsoleCode,
  decodeIncident,
  decodeReal,
  decodeSeat,
  decodeSession,
  encodeIncident,
  encodeReal,
  encodeSession,
  type ConsoleCodeDbRow,
  type SessionDbRow,
  type TokenDbRow,
} from './row-codec.ts';
import { assertAnnotation, decodeAnnotation, decodeLink, type AnnotationDbRow, type LinkDbRow } from './run-rows.ts';
import {
  JoinCodeTakenError,
  SNAPSHOTS_KEPT,
  type LogEntry,
  type ConsoleCodeRow,
  type ConsoleKind,
  type ConsoleSeat,
  type Seat,
  type SessionRow,
  type Snapshot,
  type Store,
  type StoreHealth,
  unknownSession,
} from './store.ts';

const SESSION_COLUMNS = 'id, scenario_id, scenario_hash, seed, team, join_code, created_at, ended_at';

/**
 * The Store on PostgreSQL (node-postgres), for several nodes sharing sessions. `(session_id, seq)`
 * is the log's primary key and `(session_id, command_key)` unique, so two nodes can never both
 * append the same step; every write is one committed statement or transaction with
 * synchronous_commit on before it resolves. Open it with `PgStore.open`.
 */
export class PgStore implements Store {
  readonly #db: PgPool;
  readonly #appends: PgAppendGroup;
  #closing = false;

  private constructor(db: PgPool, poolSize: number) {
    this.#db = db;
    this.#appends = logAppends(db, poolSize);
  }

  /** Where it points, without credentials, for messages. */
  get where(): string {
    return this.#db.where;
  }

  /**
   * Connects to `url` (postgres://…; the schema is the URL's search_path, `public` by default) and
   * migrates the schema (see pg-migrations.ts). Rejects, with the pool closed, when PostgreSQL
   * cannot be reached or the schema was written by a newer release.
   */
  static async open(url: string, options: PgPoolOptions = {}): Promise<PgStore> {
    const db = PgPool.create(url, options);
    try {
      await db.withClient((client) => migratePg(client));
    } catch (error) {
      await db.close();
      throw isPgFailure(error) ? explainPgFailure(error, db.where) : error;
    }
    return new PgStore(db, poolSizeOf(options));
  }

  /** 'failing' once closed, or while the last write failed because PostgreSQL could not take it. */
  health(): StoreHealth {
    return this.#db.health();
  }

  async putScenarioText(hash: string, text: string): Promise<void> {
    assertContentHash(hash, text);
    await this.#db.write('INSERT INTO scenario_texts (hash, text) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING', [
      hash,
      text,
    ]);
  }

  async getScenarioText(hash: string): Promise<string | null> {
    const rows = await this.#db.read<{ text: string }>('SELECT text FROM scenario_texts WHERE hash = $1', [hash]);
    return rows[0]?.text ?? null;
  }

  async createSession(row: SessionRow, facilitatorTokenHash: string): Promise<void> {
    const s = encodeSession(row);
    // Session and facilitator token in one statement: one round trip, and both or neither.
    const sql = `WITH s AS (
        INSERT INTO sessions (${SESSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id)
      INSERT INTO tokens (token_hash, session_id, kind) SELECT $9, id, 'facilitator' FROM s`;
    const values = [
      s.id,
      s.scenario_id,
      s.scenario_hash,
      s.seed,
      s.team,
      s.join_code,
      s.created_at,
      s.ended_at,
      facilitatorTokenHash,
    ];
    await this.#db.write(sql, values, (constraint) => {
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
    const rows = await this.#db.read<SessionDbRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = $1`, [id]);
    return rows[0] ? decodeSession(rows[0]) : null;
  }

  async findLiveSessionByJoinCode(joinCode: string): Promise<SessionRow | null> {
    const sql = `SELECT ${SESSION_COLUMNS} FROM sessions WHERE join_code = $1 AND ended_at IS NULL`;
    const rows = await this.#db.read<SessionDbRow>(sql, [joinCode]);
    return rows[0] ? decodeSession(rows[0]) : null;
  }

  async listSessions(options: { live?: boolean; limit?: number } = {}): Promise<SessionRow[]> {
    const where =
      options.live === undefined ? '' : options.live ? 'WHERE ended_at IS NULL' : 'WHERE ended_at IS NOT NULL';
    // LIMIT NULL is no limit; a negative limit means none too, as in SQLite.
    const limit = options.limit === undefined || options.limit < 0 ? null : options.limit;
    const sql = `SELECT ${SESSION_COLUMNS} FROM sessions ${where} ORDER BY created_at DESC, ord DESC LIMIT $1`;
    const rows = await this.#db.read<SessionDbRow>(sql, [limit]);
    return rows.map(decodeSession);
  }

  async markEnded(id: string, endedAt: number): Promise<void> {
    const result = await this.#db.write('UPDATE sessions SET ended_at = COALESCE(ended_at, $1) WHERE id = $2', [
      endedAt,
      id,
    ]);
    if (result.rowCount === 0) throw unknownSession(id);
  }

  async addPlayerToken(sessionId: string, playerId: string, tokenHash: string): Promise<void> {
    const sql = "INSERT INTO tokens (token_hash, session_id, kind, player_id) VALUES ($1, $2, 'player', $3)";
    await this.#db.write(sql, [tokenHash, sessionId, playerId], (c) => {
      if (c === 'tokens_session_id_fkey') return unknownSession(sessionId);
      if (c === 'tokens_pkey') return new Error(`Token hash for session ${sessionId} is already in use.`);
      return null;
    });
  }

  async findSeat(tokenHash: string): Promise<Seat | null> {
    const sql = 'SELECT session_id, kind, player_id FROM tokens WHERE token_hash = $1 AND NOT revoked';
    const rows = await this.#db.read<TokenDbRow>(sql, [tokenHash]);
    return rows[0] ? decodeSeat(rows[0]) : null;
  }

  async revokePlayer(sessionId: string, playerId: string): Promise<void> {
    // The UPDATE runs whatever the SELECT finds; the SELECT tells an unknown session apart.
    const sql = `WITH revoked AS (UPDATE tokens SET revoked = true WHERE session_id = $1 AND player_id = $2)
      SELECT 1 FROM sessions WHERE id = $1`;
    const result = await this.#db.write(sql, [sessionId, playerId]);
    if (result.rowCount === 0) throw unknownSession(sessionId);
  }

  async addConsoleToken(sessionId: string, kind: ConsoleKind, tokenHash: string, replace: boolean): Promise<void> {
    // One statement: the revoke and the insert commit together or not at all.
    const sql = `WITH revoked AS (
        UPDATE tokens SET revoked = true WHERE $4 AND session_id = $1 AND kind = $2)
      INSERT INTO tokens (token_hash, session_id, kind) VALUES ($3, $1, $2)`;
    await this.#db.write(sql, [sessionId, kind, tokenHash, replace], (c) => {
      if (c === 'tokens_session_id_fkey') return unknownSession(sessionId);
      if (c === 'tokens_pkey') return new Error(`Token hash for session ${sessionId} is already in use.`);
      return null;
    });
  }

  async revokeConsoleTokens(sessionId: string, kind: ConsoleKind): Promise<void> {
    const sql = `WITH revoked AS (UPDATE tokens SET revoked = true WHERE session_id = $1 AND kind = $2)
      SELECT 1 FROM sessions WHERE id = $1`;
    const result = await this.#db.write(sql, [sessionId, kind]);
    if (result.rowCount === 0) throw unknownSession(sessionId);
  }

  async issueConsoleCode(code: ConsoleCodeRow, now: number): Promise<void> {
    // The sweep commits on its own, before the upsert: in one statement (a CTE) the upsert would still
    // see the swept rows' hashes as taken, and in one transaction two nodes issuing at once could
    // deadlock on each other's expired rows. Sweeping is housekeeping: it needs no atomicity.
    await this.#db.write('DELETE FROM console_codes WHERE expires_at <= $1', [now]);
    const sql = `INSERT INTO console_codes (session_id, kind, code_hash, expires_at) VALUES ($1, $2, $3, $4)
      ON CONFLICT (session_id, kind) DO UPDATE SET code_hash = excluded.code_hash, expires_at = excluded.expires_at`;
    await this.#db.write(sql, [code.sessionId, code.kind, code.codeHash, code.expiresAt], (c) => {
      if (c === 'console_codes_session_id_fkey') return unknownSession(code.sessionId);
      if (c === 'console_codes_code_hash_key')
        return new Error(`Console code hash for session ${code.sessionId} is already in use.`);
      return null;
    });
  }

  async revokeConsoleCode(sessionId: string, kind: ConsoleKind): Promise<void> {
    await this.#db.write('DELETE FROM console_codes WHERE session_id = $1 AND kind = $2', [sessionId, kind]);
  }

  async redeemConsoleCode(codeHash: string, now: number): Promise<ConsoleSeat | null> {
    // The DELETE takes the row's lock: of two nodes redeeming one code, the second finds it gone.
    const sql = 'DELETE FROM console_codes WHERE code_hash = $1 RETURNING session_id, kind, expires_at';
    const spent = (await this.#db.write(sql, [codeHash])).rows[0] as ConsoleCodeDbRow | undefined;
    return spent ? decodeConsoleCode(spent, now) : null;
  }

  async append(sessionId: string, entries: readonly LogEntry[], epoch?: number): Promise<void> {
    this.#assertOpen();
    const rows = encodeBatch(sessionId, entries);
    if (rows.length === 0) return;
    await this.#appends.submit({ sessionId, rows, epoch: epoch ?? null });
  }

  /** The connections, for the session leases and the Socket.IO adapter that share this database. */
  get pool(): PgPool {
    return this.#db;
  }

  async readLog(sessionId: string, afterSeq = 0): Promise<LogEntry[]> {
    const rows = await this.#db.read<LogRow>(
      'SELECT seq, command_key, at, actor, command FROM log WHERE session_id = $1 AND seq > $2 ORDER BY seq',
      [sessionId, afterSeq],
    );
    return rows.map((row) => decodeRow(sessionId, row));
  }

  /** Each of `sessionIds`' last seq (a session with no log is missing): one indexed lookup each. */
  async lastSeqs(sessionIds: readonly string[]): Promise<Map<string, number>> {
    const sql = `SELECT s.id, (SELECT max(seq) FROM log WHERE session_id = s.id) AS seq
      FROM unnest($1::text[]) AS s(id)`;
    const rows = await this.#db.read<{ id: string; seq: number | null }>(sql, [sessionIds]);
    return new Map(rows.flatMap((r) => (r.seq === null ? [] : [[r.id, Number(r.seq)] as const])));
  }

  async findCommand(sessionId: string, commandKey: string): Promise<number | null> {
    const sql = 'SELECT seq FROM log WHERE session_id = $1 AND command_key = $2';
    const rows = await this.#db.read<{ seq: number }>(sql, [sessionId, commandKey]);
    return rows[0]?.seq ?? null;
  }

  async putSnapshot(sessionId: string, snapshot: Snapshot): Promise<void> {
    assertSnapshot(sessionId, snapshot);
    await this.#db.transaction(async (client) => {
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
    const rows = await this.#db.read<{ seq: number; state: string }>(sql, [sessionId]);
    const row = rows[0];
    if (!row) return null;
    if (!Number.isSafeInteger(row.seq) || typeof row.state !== 'string')
      throw new Error(`Corrupt snapshot row in session ${sessionId}.`);
    return { seq: row.seq, state: row.state };
  }

  async putIncidentRecord(sessionId: string, record: IncidentRecord): Promise<void> {
    const text = encodeIncident(sessionId, record);
    const sql = `INSERT INTO incidents (session_id, record, created_at) VALUES ($1, $2, $3)
      ON CONFLICT (session_id) DO UPDATE SET record = excluded.record`;
    await this.#db.write(sql, [sessionId, text, Date.now()], (c) =>
      c === 'incidents_session_id_fkey' ? unknownSession(sessionId) : null,
    );
  }

  async listIncidentRecords(): Promise<IncidentRecord[]> {
    const rows = await this.#db.read<{ session_id: string; record: string }>(
      'SELECT session_id, record FROM incidents ORDER BY ord',
    );
    return rows.map((row) => decodeIncident(row.session_id, row.record));
  }

  async addRealIncidents(incidents: readonly RealIncident[]): Promise<number> {
    if (incidents.length === 0) return 0;
    // One statement: all or nothing, and a key already stored (the same export imported twice) adds nothing.
    const sql = `INSERT INTO real_incidents (key, record, imported_at)
      SELECT key, record, $3 FROM unnest($1::text[], $2::text[]) AS r(key, record)
      ON CONFLICT (key) DO NOTHING`;
    const result = await this.#db.write(sql, [incidents.map((i) => i.key), incidents.map(encodeReal), Date.now()]);
    return result.rowCount ?? 0;
  }

  async listRealIncidents(): Promise<RealIncident[]> {
    const rows = await this.#db.read<{ key: string; record: string }>(
      'SELECT key, record FROM real_incidents ORDER BY ord',
    );
    return rows.map((row) => decodeReal(row.key, row.record));
  }

  async putRunAnnotation(a: RunAnnotation): Promise<void> {
    assertAnnotation(a);
    const sql = `INSERT INTO run_annotations (session_id, note, excluded, reason, at) VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (session_id) DO UPDATE SET note = excluded.note, excluded = excluded.excluded,
      reason = excluded.reason, at = excluded.at`;
    await this.#db.write(sql, [a.sessionId, a.note, a.excluded, a.reason, a.at], (c) =>
      c === 'run_annotations_session_id_fkey' ? unknownSession(a.sessionId) : null,
    );
  }

  async listRunAnnotations(): Promise<RunAnnotation[]> {
    const sql = 'SELECT session_id, note, excluded, reason, at FROM run_annotations';
    return (await this.#db.read<AnnotationDbRow>(sql)).map(decodeAnnotation);
  }

  async addReadOnlyLink(link: Omit<ReadOnlyLink, 'revokedAt'>, tokenHash: string): Promise<void> {
    const sql = 'INSERT INTO read_only_links (id, session_id, token_hash, created_at) VALUES ($1, $2, $3, $4)';
    await this.#db.write(sql, [link.id, link.sessionId, tokenHash, link.createdAt], (c) => {
      if (c === 'read_only_links_session_id_fkey') return unknownSession(link.sessionId);
      if (c === 'read_only_links_token_hash_key') return new Error(`Token hash for link ${link.id} is already in use.`);
      return null;
    });
  }

  async findReadOnlyLink(tokenHash: string): Promise<ReadOnlyLink | null> {
    const sql =
      'SELECT id, session_id, created_at, revoked_at FROM read_only_links WHERE token_hash = $1 AND revoked_at IS NULL';
    const rows = await this.#db.read<LinkDbRow>(sql, [tokenHash]);
    return rows[0] ? decodeLink(rows[0]) : null;
  }

  async listReadOnlyLinks(sessionId: string): Promise<ReadOnlyLink[]> {
    const sql =
      'SELECT id, session_id, created_at, revoked_at FROM read_only_links WHERE session_id = $1 ORDER BY created_at, id';
    return (await this.#db.read<LinkDbRow>(sql, [sessionId])).map(decodeLink);
  }

  async revokeReadOnlyLink(sessionId: string, id: string, at: number): Promise<boolean> {
    const sql = 'UPDATE read_only_links SET revoked_at = COALESCE(revoked_at, $1) WHERE session_id = $2 AND id = $3';
    return ((await this.#db.write(sql, [at, sessionId, id])).rowCount ?? 0) > 0;
  }

  async addEvaluatorToken(sessionId: string, evaluatorId: string | null, tokenHash: string): Promise<void> {
    const sql = 'INSERT INTO evaluator_tokens (token_hash, session_id, evaluator_id) VALUES ($1, $2, $3)';
    await this.#db.write(sql, [tokenHash, sessionId, evaluatorId], (c) =>
      c === 'evaluator_tokens_session_id_fkey' ? unknownSession(sessionId) : null,
    );
  }

  async findEvaluatorSeat(tokenHash: string): Promise<EvaluatorSeat | null> {
    const rows = await this.#db.read<{ session_id: string; evaluator_id: string | null }>(
      'SELECT session_id, evaluator_id FROM evaluator_tokens WHERE token_hash = $1',
      [tokenHash],
    );
    const row = rows[0];
    return row ? { sessionId: row.session_id, evaluatorId: row.evaluator_id } : null;
  }

  async putCorrectiveActions(actions: readonly TrackedAction[]): Promise<void> {
    if (actions.length === 0) return;
    // One statement: all or nothing, and a stored key keeps its ord.
    const sql = `INSERT INTO corrective_actions (key, team, session_id, record)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
      ON CONFLICT (key) DO UPDATE SET record = excluded.record`;
    const columns = [
      actions.map((a) => a.key),
      actions.map((a) => a.team),
      actions.map((a) => a.sessionId),
      actions.map(encodeAction),
    ];
    await this.#db.write(sql, columns, (c) =>
      c === 'corrective_actions_session_id_fkey'
        ? new Error(`Session ${actions.map((a) => a.sessionId).join(', ')}: one does not exist.`)
        : null,
    );
  }

  async listCorrectiveActions(team: string): Promise<TrackedAction[]> {
    const rows = await this.#db.read<{ key: string; record: string }>(
      'SELECT key, record FROM corrective_actions WHERE team = $1 ORDER BY ord',
      [team],
    );
    return rows.map((row) => decodeAction(row.key, row.record));
  }

  /** The synchronous_commit the store's connections write with: 'on' unless opened for the benchmark's ceiling. */
  async synchronousCommit(): Promise<string> {
    const rows = await this.#db.read<{ setting: string }>("SELECT current_setting('synchronous_commit') AS setting");
    return rows[0]?.setting ?? 'unknown';
  }

  /** Sends every append already made, then closes the connections. */
  async close(): Promise<void> {
    this.#closing = true;
    await this.#appends.settled();
    await this.#db.close();
  }

  #assertOpen(): void {
    if (this.#closing) throw new Error(`The store on PostgreSQL at ${this.where} is closed.`);
  }
}

const poolSizeOf = (options: PgPoolOptions) => Math.max(1, options.poolSize ?? DEFAULT_POOL_SIZE);
