import type { IncidentRecord, ReadOnlyLink, RealIncident, RunAnnotation, TrackedAction } from '@chaos-quest/engine';
import { decodeAction, encodeAction, type EvaluatorSeat } from './exercise-codec.ts';
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
} from './row-codec.ts';
import { assertAnnotation } from './run-rows.ts';
import {
  DuplicateCommandError,
  JoinCodeTakenError,
  SeqConflictError,
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

interface SessionLog {
  /** Sorted by seq. */
  rows: LogRow[];
  bySeq: Map<number, LogRow>;
  byKey: Map<string, number>;
}

interface TokenRow {
  session_id: string;
  kind: ConsoleKind | 'player';
  player_id: string | null;
  revoked: boolean;
}

/**
 * An in-process Store with the same semantics as SqliteStore (conflicts, validation, ordering),
 * for tests and as the contract's second implementation. Keeps rows in their stored (serialised)
 * form, so callers never share objects with it. Nothing survives the process.
 */
export class MemoryStore implements Store {
  readonly #texts = new Map<string, string>();
  readonly #sessions = new Map<string, SessionDbRow>();
  readonly #tokens = new Map<string, TokenRow>();
  /** By code hash. */
  readonly #consoleCodes = new Map<string, ConsoleCodeDbRow>();
  readonly #logs = new Map<string, SessionLog>();
  readonly #snapshots = new Map<string, Snapshot[]>();
  readonly #incidents = new Map<string, string>();
  readonly #real = new Map<string, string>();
  readonly #evaluatorTokens = new Map<string, EvaluatorSeat>();
  /** By key, in the order first stored (a Map keeps insertion order; a replaced key keeps its place). */
  readonly #actions = new Map<string, { team: string; text: string }>();
  readonly #annotations = new Map<string, RunAnnotation>();
  /** By token hash, in the order added. */
  readonly #links = new Map<string, ReadOnlyLink>();
  #closed = false;

  async putScenarioText(hash: string, text: string): Promise<void> {
    this.#assertOpen();
    assertContentHash(hash, text);
    if (!this.#texts.has(hash)) this.#texts.set(hash, text);
  }

  async getScenarioText(hash: string): Promise<string | null> {
    this.#assertOpen();
    return this.#texts.get(hash) ?? null;
  }

  async createSession(row: SessionRow, facilitatorTokenHash: string): Promise<void> {
    this.#assertOpen();
    if (this.#sessions.has(row.id)) throw new Error(`Session ${row.id} already exists.`);
    if (row.endedAt === null && this.#liveByJoinCode(row.joinCode)) throw new JoinCodeTakenError(row.joinCode);
    if (!this.#texts.has(row.scenarioHash))
      throw new Error(`Scenario text ${row.scenarioHash} is not stored: call putScenarioText before createSession.`);
    if (this.#tokens.has(facilitatorTokenHash)) throw new Error(`Token hash for session ${row.id} is already in use.`);
    this.#sessions.set(row.id, encodeSession(row));
    this.#tokens.set(facilitatorTokenHash, {
      session_id: row.id,
      kind: 'facilitator',
      player_id: null,
      revoked: false,
    });
    this.#logs.set(row.id, { rows: [], bySeq: new Map(), byKey: new Map() });
  }

  async getSession(id: string): Promise<SessionRow | null> {
    this.#assertOpen();
    const row = this.#sessions.get(id);
    return row ? decodeSession(row) : null;
  }

  async findLiveSessionByJoinCode(joinCode: string): Promise<SessionRow | null> {
    this.#assertOpen();
    const row = this.#liveByJoinCode(joinCode);
    return row ? decodeSession(row) : null;
  }

  async listSessions(options: { live?: boolean; limit?: number } = {}): Promise<SessionRow[]> {
    this.#assertOpen();
    const { live, limit } = options;
    // Newest first; among equal creation times, the later inserted first (as SQLite's rowid DESC).
    const rows = [...this.#sessions.values()]
      .reverse()
      .filter((row) => live === undefined || live === (row.ended_at === null))
      .sort((a, b) => b.created_at - a.created_at);
    return rows.slice(0, limit === undefined || limit < 0 ? undefined : limit).map(decodeSession);
  }

  async markEnded(id: string, endedAt: number): Promise<void> {
    const row = this.#session(id);
    if (row.ended_at === null) row.ended_at = endedAt;
  }

  async addPlayerToken(sessionId: string, playerId: string, tokenHash: string): Promise<void> {
    this.#session(sessionId);
    if (this.#tokens.has(tokenHash)) throw new Error(`Token hash for session ${sessionId} is already in use.`);
    this.#tokens.set(tokenHash, { session_id: sessionId, kind: 'player', player_id: playerId, revoked: false });
  }

  async findSeat(tokenHash: string): Promise<Seat | null> {
    this.#assertOpen();
    const row = this.#tokens.get(tokenHash);
    return row && !row.revoked ? decodeSeat(row) : null;
  }

  async revokePlayer(sessionId: string, playerId: string): Promise<void> {
    this.#session(sessionId);
    for (const token of this.#tokens.values()) {
      if (token.session_id === sessionId && token.player_id === playerId) token.revoked = true;
    }
  }

  async addConsoleToken(sessionId: string, kind: ConsoleKind, tokenHash: string, replace: boolean): Promise<void> {
    this.#session(sessionId);
    if (this.#tokens.has(tokenHash)) throw new Error(`Token hash for session ${sessionId} is already in use.`);
    if (replace) await this.revokeConsoleTokens(sessionId, kind);
    this.#tokens.set(tokenHash, { session_id: sessionId, kind, player_id: null, revoked: false });
  }

  async revokeConsoleTokens(sessionId: string, kind: ConsoleKind): Promise<void> {
    this.#session(sessionId);
    for (const token of this.#tokens.values()) {
      if (token.session_id === sessionId && token.kind === kind) token.revoked = true;
    }
  }

  async issueConsoleCode(code: ConsoleCodeRow, now: number): Promise<void> {
    this.#session(code.sessionId);
    for (const [hash, row] of this.#consoleCodes) if (row.expires_at <= now) this.#consoleCodes.delete(hash);
    const held = this.#consoleCodes.get(code.codeHash);
    if (held && (held.session_id !== code.sessionId || held.kind !== code.kind))
      throw new Error(`Console code hash for session ${code.sessionId} is already in use.`);
    await this.revokeConsoleCode(code.sessionId, code.kind);
    this.#consoleCodes.set(code.codeHash, { session_id: code.sessionId, kind: code.kind, expires_at: code.expiresAt });
  }

  async revokeConsoleCode(sessionId: string, kind: ConsoleKind): Promise<void> {
    this.#assertOpen();
    for (const [hash, row] of this.#consoleCodes)
      if (row.session_id === sessionId && row.kind === kind) this.#consoleCodes.delete(hash);
  }

  async redeemConsoleCode(codeHash: string, now: number): Promise<ConsoleSeat | null> {
    this.#assertOpen();
    const row = this.#consoleCodes.get(codeHash);
    if (!row) return null;
    this.#consoleCodes.delete(codeHash);
    return decodeConsoleCode(row, now);
  }

  async append(sessionId: string, entries: readonly LogEntry[]): Promise<void> {
    this.#assertOpen();
    const rows = encodeBatch(sessionId, entries);
    if (rows.length === 0) return;
    this.#session(sessionId);
    const log = this.#log(sessionId);
    // Check every row before writing any, so the batch is all or nothing.
    for (const row of rows) {
      if (log.bySeq.has(row.seq)) throw new SeqConflictError(sessionId, row.seq);
      if (log.byKey.has(row.command_key)) throw new DuplicateCommandError(sessionId, row.seq, row.command_key);
    }
    for (const row of rows) {
      log.bySeq.set(row.seq, row);
      log.byKey.set(row.command_key, row.seq);
      insertSorted(log.rows, row);
    }
  }

  async readLog(sessionId: string, afterSeq = 0): Promise<LogEntry[]> {
    this.#assertOpen();
    const rows = this.#logs.get(sessionId)?.rows ?? [];
    return rows.filter((row) => row.seq > afterSeq).map((row) => decodeRow(sessionId, row));
  }

  async findCommand(sessionId: string, commandKey: string): Promise<number | null> {
    this.#assertOpen();
    return this.#logs.get(sessionId)?.byKey.get(commandKey) ?? null;
  }

  async putSnapshot(sessionId: string, snapshot: Snapshot): Promise<void> {
    this.#assertOpen();
    assertSnapshot(sessionId, snapshot);
    this.#session(sessionId);
    const kept = (this.#snapshots.get(sessionId) ?? []).filter((s) => s.seq !== snapshot.seq);
    kept.push({ seq: snapshot.seq, state: snapshot.state });
    kept.sort((a, b) => b.seq - a.seq);
    this.#snapshots.set(sessionId, kept.slice(0, SNAPSHOTS_KEPT));
  }

  async latestSnapshot(sessionId: string): Promise<Snapshot | null> {
    this.#assertOpen();
    const newest = this.#snapshots.get(sessionId)?.[0];
    return newest ? { ...newest } : null;
  }

  async putIncidentRecord(sessionId: string, record: IncidentRecord): Promise<void> {
    this.#assertOpen();
    const text = encodeIncident(sessionId, record);
    this.#session(sessionId);
    this.#incidents.set(sessionId, text);
  }

  async listIncidentRecords(): Promise<IncidentRecord[]> {
    this.#assertOpen();
    return [...this.#incidents].map(([sessionId, text]) => decodeIncident(sessionId, text));
  }

  async addEvaluatorToken(sessionId: string, evaluatorId: string | null, tokenHash: string): Promise<void> {
    this.#session(sessionId);
    if (this.#evaluatorTokens.has(tokenHash)) throw new Error(`Token hash for session ${sessionId} is already in use.`);
    this.#evaluatorTokens.set(tokenHash, { sessionId, evaluatorId });
  }

  async findEvaluatorSeat(tokenHash: string): Promise<EvaluatorSeat | null> {
    this.#assertOpen();
    const seat = this.#evaluatorTokens.get(tokenHash);
    return seat ? { ...seat } : null;
  }

  async putCorrectiveActions(actions: readonly TrackedAction[]): Promise<void> {
    this.#assertOpen();
    const rows = actions.map((a) => [a.key, a.team, a.sessionId, encodeAction(a)] as const);
    for (const [, , sessionId] of rows) this.#session(sessionId);
    for (const [key, team, , text] of rows) this.#actions.set(key, { team, text });
  }

  async listCorrectiveActions(team: string): Promise<TrackedAction[]> {
    this.#assertOpen();
    return [...this.#actions].filter(([, row]) => row.team === team).map(([key, row]) => decodeAction(key, row.text));
  }

  async addRealIncidents(incidents: readonly RealIncident[]): Promise<number> {
    this.#assertOpen();
    const texts = incidents.map((incident) => [incident.key, encodeReal(incident)] as const);
    let added = 0;
    for (const [key, text] of texts) {
      if (this.#real.has(key)) continue;
      this.#real.set(key, text);
      added++;
    }
    return added;
  }

  async listRealIncidents(): Promise<RealIncident[]> {
    this.#assertOpen();
    return [...this.#real].map(([key, text]) => decodeReal(key, text));
  }

  async putRunAnnotation(a: RunAnnotation): Promise<void> {
    assertAnnotation(a);
    this.#session(a.sessionId);
    this.#annotations.set(a.sessionId, { ...a });
  }

  async listRunAnnotations(): Promise<RunAnnotation[]> {
    this.#assertOpen();
    return [...this.#annotations.values()].map((a) => ({ ...a }));
  }

  async addReadOnlyLink(link: Omit<ReadOnlyLink, 'revokedAt'>, tokenHash: string): Promise<void> {
    this.#session(link.sessionId);
    if (this.#links.has(tokenHash)) throw new Error(`Token hash for link ${link.id} is already in use.`);
    this.#links.set(tokenHash, { ...link, revokedAt: null });
  }

  async findReadOnlyLink(tokenHash: string): Promise<ReadOnlyLink | null> {
    this.#assertOpen();
    const link = this.#links.get(tokenHash);
    return link && link.revokedAt === null ? { ...link } : null;
  }

  async listReadOnlyLinks(sessionId: string): Promise<ReadOnlyLink[]> {
    this.#assertOpen();
    return [...this.#links.values()]
      .filter((l) => l.sessionId === sessionId)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((l) => ({ ...l }));
  }

  async revokeReadOnlyLink(sessionId: string, id: string, at: number): Promise<boolean> {
    this.#assertOpen();
    const link = [...this.#links.values()].find((l) => l.sessionId === sessionId && l.id === id);
    if (!link) return false;
    link.revokedAt ??= at;
    return true;
  }

  /** Memory never fails to write: ok until closed. */
  health(): StoreHealth {
    return this.#closed ? { state: 'failing', reason: 'the store is closed' } : { state: 'ok' };
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  #liveByJoinCode(joinCode: string): SessionDbRow | undefined {
    for (const row of this.#sessions.values()) if (row.join_code === joinCode && row.ended_at === null) return row;
    return undefined;
  }

  #session(id: string): SessionDbRow {
    this.#assertOpen();
    const row = this.#sessions.get(id);
    if (!row) throw unknownSession(id);
    return row;
  }

  #log(sessionId: string): SessionLog {
    const log = this.#logs.get(sessionId);
    if (!log) throw new Error(`Session ${sessionId} has no log.`);
    return log;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('The memory store is closed.');
  }
}

/** Keeps rows sorted by seq; appends almost always land at the end. */
function insertSorted(rows: LogRow[], row: LogRow): void {
  let i = rows.length;
  while (i > 0 && (rows[i - 1] as LogRow).seq > row.seq) i--;
  rows.splice(i, 0, row);
}
