import type {
  ConsoleKind,
  IncidentRecord,
  LoggedCommand,
  ReadOnlyLink,
  RealIncident,
  RunAnnotation,
  TrackedAction,
} from '@chaos-quest/engine';
import type { EvaluatorSeat } from './exercise-codec.ts';

export type { EvaluatorSeat };

/**
 * Where sessions live. SQLite is the embedded default; a PostgreSQL store implements the same
 * interface for several nodes. Every implementation passes the contract suite in
 * `store-contract.ts`. Methods are async so that a networked store fits the same shape.
 */

export interface SessionRow {
  id: string;
  scenarioId: string;
  /** SHA-256 of the exact scenario text the session started with (see putScenarioText). */
  scenarioHash: string;
  seed: string;
  team: string | null;
  joinCode: string;
  createdAt: number;
  endedAt: number | null;
}

/** The console's seats: the facilitator's own, and co-facilitators' (the same game powers, a separate token). */
export type { ConsoleKind };

export type ConsoleSeat = { sessionId: string; kind: ConsoleKind };

export type Seat = ConsoleSeat | { sessionId: string; kind: 'player'; playerId: string };

/**
 * A one-time console code as stored: the SHA-256 of the code, never the code, since redeeming it
 * takes a console seat (a leaked database opens none, as with tokens). At most one per session and kind.
 */
export interface ConsoleCodeRow {
  sessionId: string;
  kind: ConsoleKind;
  codeHash: string;
  /** Epoch ms; the code opens nothing from then on. */
  expiresAt: number;
}

/** One accepted command with the key that makes a retried command land once. */
export interface LogEntry extends LoggedCommand {
  /** `${actorKey}:${command.id}`: unique within a session. */
  commandKey: string;
}

/** How many snapshots a store keeps per session: the newest is used, older ones are a fallback. */
export const SNAPSHOTS_KEPT = 3;

export interface Snapshot {
  seq: number;
  /** The engine's SessionState as JSON text. */
  state: string;
}

/** The error every store gives for a session id it does not hold. */
export const unknownSession = (id: string): Error => new Error(`Session ${id} does not exist.`);

/** Thrown by append when another writer already holds one of the sequence numbers. */
export class SeqConflictError extends Error {
  readonly sessionId: string;
  readonly seq: number;

  constructor(sessionId: string, seq: number) {
    super(`Session ${sessionId} already has a command at seq ${seq}`);
    this.name = 'SeqConflictError';
    this.sessionId = sessionId;
    this.seq = seq;
  }
}

/**
 * Thrown by append when the session already holds one of the entries' command keys: the command
 * was applied before (a client retry that raced its first attempt). It is a SeqConflictError, so a
 * writer that only catches up and retries still does the right thing; a writer that tells them
 * apart answers with the earlier ack via `findCommand(sessionId, commandKey)`.
 */
export class DuplicateCommandError extends SeqConflictError {
  readonly commandKey: string;

  constructor(sessionId: string, seq: number, commandKey: string) {
    super(sessionId, seq);
    this.message = `Session ${sessionId} already has command ${commandKey} (while appending seq ${seq})`;
    this.name = 'DuplicateCommandError';
    this.commandKey = commandKey;
  }
}

/**
 * Thrown by append when the writer's lease epoch is no longer the session's: another node took the
 * session over (several nodes on PostgreSQL). Nothing was written; the writer no longer holds it.
 */
export class LeaseLostError extends Error {
  readonly sessionId: string;

  constructor(sessionId: string) {
    super(`Session ${sessionId} is now held by another node: this node's lease on it was taken over`);
    this.name = 'LeaseLostError';
    this.sessionId = sessionId;
  }
}

/** Thrown by createSession when a live session already uses the join code: draw another code. */
export class JoinCodeTakenError extends Error {
  readonly joinCode: string;

  constructor(joinCode: string) {
    super(`Join code ${joinCode} is already in use by a live session`);
    this.name = 'JoinCodeTakenError';
    this.joinCode = joinCode;
  }
}

/**
 * Whether the store can take writes: `failing` once closed, or while its last write failed because
 * the store could not write (I/O, a lock held elsewhere, a full disk); a refused write is no failure.
 */
export type StoreHealth = { state: 'ok' } | { state: 'failing'; reason: string };

export interface Store {
  /**
   * Content-addressed: storing the same text twice is a no-op. Rejects when `hash` is not the
   * lowercase hex SHA-256 of `text` (the engine's `sha256(text)`).
   */
  putScenarioText(hash: string, text: string): Promise<void>;
  getScenarioText(hash: string): Promise<string | null>;

  /**
   * Stores the session and its facilitator token together. Rejects with JoinCodeTakenError when a
   * live session holds the join code, and with a plain Error when the id exists already or the
   * scenario text was not stored first (putScenarioText).
   */
  createSession(row: SessionRow, facilitatorTokenHash: string): Promise<void>;
  getSession(id: string): Promise<SessionRow | null>;
  /** Only sessions that have not ended: a join code expires with its session. */
  findLiveSessionByJoinCode(joinCode: string): Promise<SessionRow | null>;
  /** Newest first. `live: true` only running sessions, `live: false` only ended ones, absent both. */
  listSessions(options?: { live?: boolean; limit?: number }): Promise<SessionRow[]>;
  /** Ending twice keeps the first time. Rejects for an unknown session. */
  markEnded(id: string, endedAt: number): Promise<void>;

  addPlayerToken(sessionId: string, playerId: string, tokenHash: string): Promise<void>;
  /** The seat a token hash opens, or null (unknown or revoked). */
  findSeat(tokenHash: string): Promise<Seat | null>;
  revokePlayer(sessionId: string, playerId: string): Promise<void>;
  /**
   * Adds a console token of `kind`. With `replace`, every other token of that kind in the session is
   * revoked in the same transaction: the seat moves to the new holder (a handover, a recovery).
   * Rejects for an unknown session or a token hash already in use.
   */
  addConsoleToken(sessionId: string, kind: ConsoleKind, tokenHash: string, replace: boolean): Promise<void>;
  /** Revokes every token of `kind` in the session. Rejects for an unknown session. */
  revokeConsoleTokens(sessionId: string, kind: ConsoleKind): Promise<void>;

  /**
   * Stores a console code, replacing the session's code of that kind, and drops every code expired
   * by `now`, so the codes kept follow the live sessions. Rejects for an unknown session or a hash
   * another session's code holds.
   */
  issueConsoleCode(code: ConsoleCodeRow, now: number): Promise<void>;
  /** The session's code of `kind`, if one waits, stops working; none waiting (or no such session) is no error. */
  revokeConsoleCode(sessionId: string, kind: ConsoleKind): Promise<void>;
  /**
   * Spends the code with this hash and resolves to the seat it opens; null for an unknown, spent or
   * (by `now`) expired code. Atomic: of two redeems of one code, on any nodes, at most one gets the seat.
   */
  redeemConsoleCode(codeHash: string, now: number): Promise<ConsoleSeat | null>;

  /**
   * Appends entries atomically and durably (all or none), in seq order. Throws SeqConflictError
   * when a seq is taken, DuplicateCommandError (a SeqConflictError) when a command key is, and a
   * plain Error for an unknown session or a batch whose seqs are not consecutive. Resolves only
   * once the entries would survive a crash. Entries are validated with the engine's
   * loggedCommandSchema on the way in and on the way out: a corrupt row rejects naming its seq.
   * A writer must not append a session's seq N+1 before its append of N resolved: if N is
   * rejected, N+1 could land on another writer's history, which the store cannot tell apart.
   * `epoch` is the session lease the writer holds (several nodes on PostgreSQL): the append is then
   * refused with LeaseLostError unless it is still the session's. A store that serves one node has
   * no leases and ignores it.
   */
  append(sessionId: string, entries: readonly LogEntry[], epoch?: number): Promise<void>;
  /** Entries with seq > afterSeq, in order. */
  readLog(sessionId: string, afterSeq?: number): Promise<LogEntry[]>;
  /** The seq of an already-appended command, for idempotent retries; null if new. */
  findCommand(sessionId: string, commandKey: string): Promise<number | null>;

  /** Keeps the newest few snapshots per session; the same seq twice replaces it. */
  putSnapshot(sessionId: string, snapshot: Snapshot): Promise<void>;
  /** The snapshot with the highest seq, or null. */
  latestSnapshot(sessionId: string): Promise<Snapshot | null>;

  /** One record per session: storing again replaces it (a debrief adds action items after the end). */
  putIncidentRecord(sessionId: string, record: IncidentRecord): Promise<void>;
  /** In the order they were first stored. */
  listIncidentRecords(): Promise<IncidentRecord[]>;

  /** Adds imported real incidents atomically; one whose key is already stored is left as it was. Resolves to how many were new. */
  addRealIncidents(incidents: readonly RealIncident[]): Promise<number>;
  /** In the order first imported. */
  listRealIncidents(): Promise<RealIncident[]>;

  /** One annotation per session: storing again replaces it. Rejects for an unknown session. */
  putRunAnnotation(annotation: RunAnnotation): Promise<void>;
  /** Every session's annotation, in no promised order. */
  listRunAnnotations(): Promise<RunAnnotation[]>;

  /** Stores a new read-only link with its token's hash (never the token: a leaked database opens no debrief). Rejects for an unknown session or a hash in use. */
  addReadOnlyLink(link: Omit<ReadOnlyLink, 'revokedAt'>, tokenHash: string): Promise<void>;
  /** The link a token hash opens, or null (unknown or revoked). */
  findReadOnlyLink(tokenHash: string): Promise<ReadOnlyLink | null>;
  /** A session's links, revoked ones too, oldest first. */
  listReadOnlyLinks(sessionId: string): Promise<ReadOnlyLink[]>;
  /** Revokes a link of the session (revoking twice keeps the first time); false when the session has no such link. */
  revokeReadOnlyLink(sessionId: string, id: string, at: number): Promise<boolean>;

  /**
   * Stores an evaluator's token (`evaluatorId` set) or an evaluator code (null) for a session.
   * Rejects for an unknown session or a hash already in use.
   */
  addEvaluatorToken(sessionId: string, evaluatorId: string | null, tokenHash: string): Promise<void>;
  /** The evaluator seat (or code, evaluatorId null) a hash opens, or null. */
  findEvaluatorSeat(tokenHash: string): Promise<EvaluatorSeat | null>;

  /** Stores corrective actions by key, atomically: a stored key is replaced and keeps its place. Rejects for an unknown session. */
  putCorrectiveActions(actions: readonly TrackedAction[]): Promise<void>;
  /** A team's corrective actions ('' for sessions without a team), in the order first stored. */
  listCorrectiveActions(team: string): Promise<TrackedAction[]>;

  /** The store's state now, for `/api/health`. Never throws, even once closed. */
  health(): StoreHealth;

  /** Waits for pending writes to commit, then releases the store; later calls reject. */
  close(): Promise<void>;
}
