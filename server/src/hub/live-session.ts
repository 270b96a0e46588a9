import type { Actor, MeMessage, Presence, Scenario, SessionState, ViewMessage, Viewer } from '@chaos-quest/engine';
import type { SessionRow } from '../store/store.ts';
import { RecentKeys } from './recent-keys.ts';
import { SerialQueue } from './serial-queue.ts';

/** One open socket as the hub sees it: who is looking, and how to reach them. */
export interface Connection {
  readonly id: string;
  readonly viewer: Viewer;
  /** Moves the connection into audience room `room`, out of the one it was in (see `RoomSender`). */
  joinRoom(room: string): void;
  /** Sends this connection alone a view (on connect). */
  sendView(message: ViewMessage): void;
  /** Sends this connection alone its player's own part of the view. */
  sendMe(message: MeMessage): void;
  sendPresence(presence: Presence): void;
  /** Closes the connection from the server side (a removed player, say). */
  close(): void;
}

/**
 * Delivers one view to every connection in an audience room at once, so that the transport
 * encodes it once (Socket.IO: `io.to(room).emit`). Never throws.
 */
export interface RoomSender {
  sendView(room: string, message: ViewMessage): void;
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
  /** The JSON of the last `me` sent to each player's connections, so an unchanged one is not sent again. */
  readonly sentMe = new Map<string, string>();
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
