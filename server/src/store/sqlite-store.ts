import Database from 'better-sqlite3';
import type { IncidentRecord, ReadOnlyLink, RealIncident, RunAnnotation, TrackedAction } from '@chaos-quest/engine';
import { decodeAction, encodeAction, type EvaluatorSeat } from './exercise-codec.ts';
import { GroupCommit } from './group-commit.ts';
import { decodeRow, encodeBatch, type LogRow } from './log-codec.ts';
import {
  assertContentHash,
  assertSnapshot,
  decodeIncident,
  decodeReal,
  encodeReal,
  decodeConsoleCode,
  decodeSeat,
  decodeSession,
  encodeIncident,
  encodeSession,
  type ConsoleCodeDbRow,
  type SessionDbRow,
  type TokenDbRow,
} from './row-codec.ts';
import { assertAnnotation, decodeAnnotation, decodeLink, type AnnotationDbRow, type LinkDbRow } from './run-rows.ts';
import { openSqlite, WalSync, type SqliteStoreOptions } from './sqlite-open.ts';
import type { Statements } from './sqlite-statements.ts';
import { isDamage, isStoreFailure } from './store-damage.ts';
import {
  DuplicateCommandError,
  JoinCodeTakenError,
  SeqConflictError,
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

export type { SqliteStoreOptions } from './sqlite-open.ts';

/**
 * The embedded Store: one SQLite file in WAL mode, written through a group commit (see
 * group-commit.ts). Several instances, even in several processes, may open the same file: the
 * log's primary key keeps their appends apart. Reads see what has committed.
 */
export class SqliteStore implements Store {
  readonly file: string;
  readonly #db: Database.Database;
  readonly #sql: Statements;
  readonly #writer: GroupCommit;
  /** The WAL's fsync off the event loop; null with synchronous=OFF. */
  readonly #wal: WalSync | null;
  #closed = false;
  /** Why the last write failed, when it failed for a reason other than a refused write; null once one succeeds. */
  #failure: string | null = null;
  /** Set for good once SQLite finds the file damaged while running: no later success makes it sound again. */
  #damage: string | null = null;

  /**
   * Opens (creating if needed, directory included), checks and migrates the file (see openSqlite:
   * it throws StoreDamagedError for a damaged file, naming the files and how to recover).
   */
  constructor(file: string, options: SqliteStoreOptions = {}) {
    this.file = file;
    const opened = openSqlite(file, options);
    this.#db = opened.db;
    this.#sql = opened.sql;
    const durable = options.synchronous !== 'OFF';
    this.#wal = durable ? new WalSync(file) : null;
    const wal = this.#wal;
    this.#writer = new GroupCommit(this.#db, options.maxBatch ?? 1000, wal ? () => wal.sync() : null);
  }

  /**
   * 'failing' once closed, once SQLite found the file damaged, or while the last write failed for a
   * reason other than a refusal (I/O, a lock held elsewhere, a full disk).
   */
  health(): StoreHealth {
    if (this.#closed) return { state: 'failing', reason: 'the store is closed' };
    const reason = this.#damage ?? this.#failure;
    return reason === null ? { state: 'ok' } : { state: 'failing', reason };
  }

  async putScenarioText(hash: string, text: string): Promise<void> {
    assertContentHash(hash, text);
    await this.#write(() => this.#sql.putText.run(hash, text));
  }

  async getScenarioText(hash: string): Promise<string | null> {
    this.#assertOpen();
    return this.#read(() => this.#sql.getText.get(hash)) ?? null;
  }

  async createSession(row: SessionRow, facilitatorTokenHash: string): Promise<void> {
    const encoded = encodeSession(row);
    await this.#write(() => {
      const sql = this.#sql;
      if (sql.sessionExists.get(row.id)) throw new Error(`Session ${row.id} already exists.`);
      if (row.endedAt === null && sql.liveByJoinCode.get(row.joinCode)) throw new JoinCodeTakenError(row.joinCode);
      if (sql.getText.get(row.scenarioHash) === undefined) {
        throw new Error(`Scenario text ${row.scenarioHash} is not stored: call putScenarioText before createSession.`);
      }
      if (sql.tokenExists.get(facilitatorTokenHash))
        throw new Error(`Token hash for session ${row.id} is already in use.`);
      sql.insertSession.run(encoded);
      sql.insertToken.run(facilitatorTokenHash, row.id, 'facilitator', null);
    });
  }

  async getSession(id: string): Promise<SessionRow | null> {
    this.#assertOpen();
    const row = this.#read(() => this.#sql.getSession.get(id)) as SessionDbRow | undefined;
    return row ? decodeSession(row) : null;
  }

  async findLiveSessionByJoinCode(joinCode: string): Promise<SessionRow | null> {
    this.#assertOpen();
    const row = this.#read(() => this.#sql.liveByJoinCode.get(joinCode)) as SessionDbRow | undefined;
    return row ? decodeSession(row) : null;
  }

  async listSessions(options: { live?: boolean; limit?: number } = {}): Promise<SessionRow[]> {
    this.#assertOpen();
    const statement =
      options.live === undefined ? this.#sql.listAll : options.live ? this.#sql.listLive : this.#sql.listEnded;
    // A negative LIMIT means no limit in SQLite.
    const rows = this.#read(() => statement.all(options.limit ?? -1)) as SessionDbRow[];
    return rows.map(decodeSession);
  }

  async markEnded(id: string, endedAt: number): Promise<void> {
    await this.#write(() => {
      if (this.#sql.markEnded.run(endedAt, id).changes === 0) throw unknownSession(id);
    });
  }

  async addPlayerToken(sessionId: string, playerId: string, tokenHash: string): Promise<void> {
    await this.#write(() => {
      this.#assertSession(sessionId);
      if (this.#sql.tokenExists.get(tokenHash))
        throw new Error(`Token hash for session ${sessionId} is already in use.`);
      this.#sql.insertToken.run(tokenHash, sessionId, 'player', playerId);
    });
  }

  async findSeat(tokenHash: string): Promise<Seat | null> {
    this.#assertOpen();
    const row = this.#read(() => this.#sql.findSeat.get(tokenHash)) as TokenDbRow | undefined;
    return row ? decodeSeat(row) : null;
  }

  async revokePlayer(sessionId: string, playerId: string): Promise<void> {
    await this.#write(() => {
      this.#assertSession(sessionId);
      this.#sql.revokePlayer.run(sessionId, playerId);
    });
  }

  async addConsoleToken(sessionId: string, kind: ConsoleKind, tokenHash: string, replace: boolean): Promise<void> {
    await this.#write(() => {
      this.#assertSession(sessionId);
      if (this.#sql.tokenExists.get(tokenHash))
        throw new Error(`Token hash for session ${sessionId} is already in use.`);
      if (replace) this.#sql.revokeKind.run(sessionId, kind);
      this.#sql.insertToken.run(tokenHash, sessionId, kind, null);
    });
  }

  async revokeConsoleTokens(sessionId: string, kind: ConsoleKind): Promise<void> {
    await this.#write(() => {
      this.#assertSession(sessionId);
      this.#sql.revokeKind.run(sessionId, kind);
    });
  }

  async issueConsoleCode(code: ConsoleCodeRow, now: number): Promise<void> {
    await this.#write(() => {
      const sql = this.#sql;
      this.#assertSession(code.sessionId);
      sql.sweepConsoleCodes.run(now);
      if (sql.consoleCodeTaken.get(code.codeHash, code.sessionId, code.kind))
        throw new Error(`Console code hash for session ${code.sessionId} is already in use.`);
      sql.putConsoleCode.run(code.sessionId, code.kind, code.codeHash, code.expiresAt);
    });
  }

  async revokeConsoleCode(sessionId: string, kind: ConsoleKind): Promise<void> {
    await this.#write(() => void this.#sql.revokeConsoleCode.run(sessionId, kind));
  }

  async redeemConsoleCode(codeHash: string, now: number): Promise<ConsoleSeat | null> {
    let spent: ConsoleCodeDbRow | undefined;
    // A write, not a read: the code is spent in the transaction that finds it, so it opens its seat once.
    await this.#write(() => {
      spent = this.#sql.redeemConsoleCode.get(codeHash) as ConsoleCodeDbRow | undefined;
    });
    return spent ? decodeConsoleCode(spent, now) : null;
  }

  async append(sessionId: string, entries: readonly LogEntry[]): Promise<void> {
    const rows = encodeBatch(sessionId, entries);
    if (rows.length === 0) return this.#assertOpen();
    await this.#write(() => {
      for (const row of rows) {
        try {
          this.#sql.insertLog.run(sessionId, row.seq, row.command_key, row.at, row.actor, row.command);
        } catch (error) {
          throw this.#explainAppendFailure(sessionId, row, error);
        }
      }
    });
  }

  /** Names the conflict behind a failed insert; earlier rows of the batch are ours, so look only at this one. */
  #explainAppendFailure(sessionId: string, row: LogRow, error: unknown): unknown {
    if (!(error instanceof Database.SqliteError) || !error.code.startsWith('SQLITE_CONSTRAINT')) return error;
    if (this.#sql.seqTaken.get(sessionId, row.seq)) return new SeqConflictError(sessionId, row.seq);
    if (this.#sql.findCommand.get(sessionId, row.command_key) !== undefined)
      return new DuplicateCommandError(sessionId, row.seq, row.command_key);
    if (!this.#sql.sessionExists.get(sessionId)) return unknownSession(sessionId);
    return error;
  }

  async readLog(sessionId: string, afterSeq = 0): Promise<LogEntry[]> {
    this.#assertOpen();
    const rows = this.#read(() => this.#sql.readLog.all(sessionId, afterSeq)) as LogRow[];
    return rows.map((row) => decodeRow(sessionId, row));
  }

  async findCommand(sessionId: string, commandKey: string): Promise<number | null> {
    this.#assertOpen();
    return this.#read(() => this.#sql.findCommand.get(sessionId, commandKey)) ?? null;
  }

  async putSnapshot(sessionId: string, snapshot: Snapshot): Promise<void> {
    assertSnapshot(sessionId, snapshot);
    await this.#write(() => {
      this.#assertSession(sessionId);
      this.#sql.putSnapshot.run(sessionId, snapshot.seq, snapshot.state);
      this.#sql.pruneSnapshots.run(sessionId, sessionId);
    });
  }

  async latestSnapshot(sessionId: string): Promise<Snapshot | null> {
    this.#assertOpen();
    const row = this.#read(() => this.#sql.latestSnapshot.get(sessionId)) as { seq: number; state: string } | undefined;
    if (!row) return null;
    if (!Number.isSafeInteger(row.seq) || typeof row.state !== 'string')
      throw new Error(`Corrupt snapshot row in session ${sessionId}.`);
    return { seq: row.seq, state: row.state };
  }

  async putIncidentRecord(sessionId: string, record: IncidentRecord): Promise<void> {
    const text = encodeIncident(sessionId, record);
    await this.#write(() => {
      this.#assertSession(sessionId);
      this.#sql.putIncident.run(sessionId, text, Date.now());
    });
  }

  async listIncidentRecords(): Promise<IncidentRecord[]> {
    this.#assertOpen();
    const rows = this.#read(() => this.#sql.listIncidents.all()) as { session_id: string; record: string }[];
    return rows.map((row) => decodeIncident(row.session_id, row.record));
  }

  async addRealIncidents(incidents: readonly RealIncident[]): Promise<number> {
    const texts = incidents.map((incident) => [incident.key, encodeReal(incident)] as const);
    let added = 0;
    const at = Date.now();
    await this.#write(() => {
      added = 0;
      for (const [key, text] of texts) added += this.#sql.addReal.run(key, text, at).changes;
    });
    return added;
  }

  async listRealIncidents(): Promise<RealIncident[]> {
    this.#assertOpen();
    const rows = this.#read(() => this.#sql.listReal.all()) as { key: string; record: string }[];
    return rows.map((row) => decodeReal(row.key, row.record));
  }

  async putRunAnnotation(a: RunAnnotation): Promise<void> {
    assertAnnotation(a);
    await this.#write(() => {
      this.#assertSession(a.sessionId);
      this.#sql.putAnnotation.run(a.sessionId, a.note, a.excluded ? 1 : 0, a.reason, a.at);
    });
  }

  async listRunAnnotations(): Promise<RunAnnotation[]> {
    this.#assertOpen();
    return (this.#read(() => this.#sql.listAnnotations.all()) as AnnotationDbRow[]).map(decodeAnnotation);
  }

  async addReadOnlyLink(link: Omit<ReadOnlyLink, 'revokedAt'>, tokenHash: string): Promise<void> {
    await this.#write(() => {
      this.#assertSession(link.sessionId);
      if (this.#sql.linkHashTaken.get(tokenHash)) throw new Error(`Token hash for link ${link.id} is already in use.`);
      this.#sql.addLink.run(link.id, link.sessionId, tokenHash, link.createdAt);
    });
  }

  async findReadOnlyLink(tokenHash: string): Promise<ReadOnlyLink | null> {
    this.#assertOpen();
    const row = this.#read(() => this.#sql.findLink.get(tokenHash)) as LinkDbRow | undefined;
    return row ? decodeLink(row) : null;
  }

  async listReadOnlyLinks(sessionId: string): Promise<ReadOnlyLink[]> {
    this.#assertOpen();
    return (this.#read(() => this.#sql.listLinks.all(sessionId)) as LinkDbRow[]).map(decodeLink);
  }

  async revokeReadOnlyLink(sessionId: string, id: string, at: number): Promise<boolean> {
    let found = false;
    await this.#write(() => {
      found = this.#sql.revokeLink.run(at, sessionId, id).changes > 0;
    });
    return found;
  }

  async addEvaluatorToken(sessionId: string, evaluatorId: string | null, tokenHash: string): Promise<void> {
    await this.#write(() => {
      this.#assertSession(sessionId);
      this.#sql.insertEvaluatorToken.run(tokenHash, sessionId, evaluatorId);
    });
  }

  async findEvaluatorSeat(tokenHash: string): Promise<EvaluatorSeat | null> {
    this.#assertOpen();
    const row = this.#read(() => this.#sql.findEvaluatorSeat.get(tokenHash)) as
      { session_id: string; evaluator_id: string | null } | undefined;
    return row ? { sessionId: row.session_id, evaluatorId: row.evaluator_id } : null;
  }

  async putCorrectiveActions(actions: readonly TrackedAction[]): Promise<void> {
    const rows = actions.map((a) => [a.key, a.team, a.sessionId, encodeAction(a)] as const);
    await this.#write(() => {
      for (const [key, team, sessionId, text] of rows) {
        this.#assertSession(sessionId);
        this.#sql.putAction.run(key, team, sessionId, text);
      }
    });
  }

  async listCorrectiveActions(team: string): Promise<TrackedAction[]> {
    this.#assertOpen();
    const rows = this.#read(() => this.#sql.listActions.all(team)) as { key: string; record: string }[];
    return rows.map((row) => decodeAction(row.key, row.record));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#writer.drain();
    await this.#writer.settled();
    this.#db.close();
    this.#wal?.close();
  }

  #write(write: () => void): Promise<void> {
    this.#assertOpen();
    return this.#writer.submit(write).then(
      () => {
        this.#failure = null;
      },
      (error: unknown) => {
        this.#note(error);
        if (isStoreFailure(error)) this.#failure = error.message;
        throw error;
      },
    );
  }

  /** Runs a read, noting damage SQLite reports on the way (a read is often where a bad page shows). */
  #read<T>(read: () => T): T {
    try {
      return read();
    } catch (error) {
      this.#note(error);
      throw error;
    }
  }

  #note(error: unknown): void {
    if (!isDamage(error)) return;
    this.#damage = `the database is damaged (${error.message}, ${error.code}); restart the server to check it and see how to recover`;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error(`The store on ${this.file} is closed.`);
  }

  #assertSession(sessionId: string): void {
    if (!this.#sql.sessionExists.get(sessionId)) throw unknownSession(sessionId);
  }
}
