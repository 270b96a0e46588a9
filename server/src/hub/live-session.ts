import {
  asSessionId,
  type Actor,
  type ConsoleKind,
  type SeatMessage,
  type MeMessage,
  type PatchMessage,
  type Presence,
  type Projection,
  type Scenario,
  type SessionId,
  type SessionState,
  type ViewAudience,
  type ViewMessage,
  type Viewer,
} from '@chaos-quest/engine';
import type { SessionRow } from '../store/store.ts';
import { RecentKeys } from './recent-keys.ts';
import { TypingBudget } from './typing-budget.ts';
import { SerialQueue } from './serial-queue.ts';

/** One open socket as the hub sees it: who is looking, and how to reach them. */
export interface Connection {
  readonly id: string;
  readonly viewer: Viewer;
  /** The console seat it holds (facilitator or co-facilitator), or null for players and observers. */
  readonly console: ConsoleKind | null;
  /** The audience room the connection is in (see `RoomSender`), or null before its first view. */
  readonly room: string | null;
  /** Moves the connection into audience room `room`, out of the one it was in. */
  joinRoom(room: string): void;
  /** Sends this connection alone a whole view (on connect, or when its audience changed). */
  sendView(message: ViewMessage): void;
  /** Sends this connection alone its player's own part of the view. */
  sendMe(message: MeMessage): void;
  sendPresence(presence: Presence): void;
  /** Tells this connection its seat moved (see SeatMessage); sent just before the connection is closed. */
  sendSeat(message: SeatMessage): void;
  /** Closes the connection from the server side (a removed player, say). */
  close(): void;
}

/**
 * Delivers one view or patch to every connection in an audience room at once, so that the
 * transport encodes it once (Socket.IO: `io.to(room).emit`). Never throws.
 */
export interface RoomSender {
  sendView(room: string, message: ViewMessage): void;
  sendPatch(room: string, message: PatchMessage): void;
}

/** A session loaded in memory: its scenario, current state, connections and command queue. */
export class LiveSession {
  readonly id: SessionId;
  readonly row: SessionRow;
  readonly scenario: Scenario;
  state: SessionState;
  readonly connections = new Map<string, Connection>();
  /**
   * The projection last sent to each audience room, with its seq and the very message that carried
   * it: what the next patch is made from, and what a connect or resync at that seq is sent again,
   * so the transport encodes it once (see the socket layer's view packets).
   */
  readonly sent = new Map<string, { seq: number; projection: Projection; message: ViewMessage }>();
  /** The last `me` sent to each player's connections (its JSON, and the state it was made from: meInputs), so an unchanged one is not sent again. */
  readonly sentMe = new Map<string, { json: string; inputs: readonly unknown[] }>();
  /** What every `me` was made from at the last broadcast (meBasis): while it holds, no player's `me` changed. */
  meBasis: readonly unknown[] | null = null;
  /** The last placement of the connections in their audience rooms, and the state it was made from (see placeAll). */
  placed: {
    state: SessionState;
    rooms: ReadonlyMap<string, string>;
    audiences: ReadonlyMap<string, ViewAudience>;
  } | null = null;
  readonly recent = new RecentKeys();
  /** Each player's budget of text and timeline entries per minute (PLAYER_MINUTE_BUDGET). */
  private readonly typing = new Map<string, TypingBudget>();
  readonly queue = new SerialQueue();
  /** The seq of the last snapshot written (or loaded). */
  snapshotSeq: number;
  /** That snapshot's size, and roughly how many bytes the log gained since: see snapshotDue. */
  private snapshotBytes = 0;
  private loggedBytes = 0;
  idleTimer: NodeJS.Timeout | null = null;
  /**
   * The session lease this node applies its commands under (several nodes); null while another
   * node holds it, when this copy follows that node's log to serve the sockets connected here.
   */
  epoch: number | null = null;

  constructor(row: SessionRow, scenario: Scenario, state: SessionState, snapshotSeq: number) {
    this.id = asSessionId(row.id);
    this.row = row;
    this.scenario = scenario;
    this.state = state;
    this.snapshotSeq = snapshotSeq;
  }

  /** Counts what one appended command added to the log (its payload's length, near enough). */
  logged(bytes: number): void {
    this.loggedBytes += bytes;
  }

  /**
   * Whether to snapshot now: every `every` commands, but never more often than the log grows by a
   * quarter of the last snapshot's size, so a session with a large state is not rewritten whole
   * every few hundred small commands (write amplification stays under four times the log).
   */
  snapshotDue(every: number): boolean {
    return this.state.seq - this.snapshotSeq >= every && this.loggedBytes * 4 >= this.snapshotBytes;
  }

  snapshotTaken(snapshot: { seq: number; state: string }): void {
    this.snapshotSeq = snapshot.seq;
    this.snapshotBytes = snapshot.state.length;
    this.loggedBytes = 0;
  }

  typingBudget(playerId: string): TypingBudget {
    let budget = this.typing.get(playerId);
    if (!budget) {
      budget = new TypingBudget();
      this.typing.set(playerId, budget);
    }
    return budget;
  }

  /** The connections holding the console seat `kind`. */
  consoleConnections(kind: ConsoleKind): Connection[] {
    return [...this.connections.values()].filter((c) => c.console === kind);
  }

  /** The connections of one player (a player may have several tabs open). */
  connectionsOf(playerId: string): Connection[] {
    return [...this.connections.values()].filter((c) => c.viewer.kind === 'player' && c.viewer.playerId === playerId);
  }
}

/** The stable part of a command key: who sent it. Two senders may reuse the same command id. */
export function actorKey(actor: Actor): string {
  if (actor.kind === 'player') return `player:${actor.playerId}`;
  return actor.kind === 'evaluator' ? `evaluator:${actor.evaluatorId}` : actor.kind;
}
