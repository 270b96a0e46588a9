import type { Actor, MeMessage, PatchMessage, Presence, Projection, Scenario, SessionState, ViewMessage, Viewer } from '@chaos-quest/engine';
import type { SessionRow } from '../store/store.ts';
import { RecentKeys } from './recent-keys.ts';
import { SerialQueue } from './serial-queue.ts';

/** One open socket as the hub sees it: who is looking, and how to reach them. */
export interface Connection {
  readonly id: string;
  readonly viewer: Viewer;
  /** Moves the connection into audience room `room`, out of the one it was in (see `RoomSender`). */
  joinRoom(room: string): void;
  /** Sends this connection alone a whole view (on connect, or when its audience changed). */
  sendView(message: ViewMessage): void;
  /** Sends this connection alone a patch (when the transport has no rooms, see RoomSender). */
  sendPatch(message: PatchMessage): void;
  /** Sends this connection alone its player's own part of the view. */
  sendMe(message: MeMessage): void;
  sendPresence(presence: Presence): void;
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
  readonly id: string;
  readonly row: SessionRow;
  readonly scenario: Scenario;
  state: SessionState;
  readonly connections = new Map<string, Connection>();
  /** The audience room each connection is in, by connection id. */
  readonly rooms = new Map<string, string>();
  /** The projection last sent to each audience room, and its seq: what the next patch is made from. */
  readonly sent = new Map<string, { seq: number; projection: Projection }>();
  /** The last `me` sent to each player's connections (its JSON, and the state it was made from: meInputs), so an unchanged one is not sent again. */
  readonly sentMe = new Map<string, { json: string; inputs: readonly unknown[] }>();
  readonly recent = new RecentKeys();
  readonly queue = new SerialQueue();
  /** The seq of the last snapshot written (or loaded). */
  snapshotSeq: number;
  idleTimer: NodeJS.Timeout | null = null;

  constructor(row: SessionRow, scenario: Scenario, state: SessionState, snapshotSeq: number) {
    this.id = row.id;
    this.row = row;
    this.scenario = scenario;
    this.state = state;
    this.snapshotSeq = snapshotSeq;
  }

  /** The connections of one player (a player may have several tabs open). */
  connectionsOf(playerId: string): Connection[] {
    return [...this.connections.values()].filter((c) => c.viewer.kind === 'player' && c.viewer.playerId === playerId);
  }
}

/** The stable part of a command key: who sent it. Two senders may reuse the same command id. */
export function actorKey(actor: Actor): string {
  return actor.kind === 'player' ? `player:${actor.playerId}` : actor.kind;
}
