import type {
  Actor,
  ConsoleKind,
  SeatMessage,
  CommandAck,
  HistoryAck,
  ResyncAck,
  TelemetryAck,
  MeMessage,
  PatchMessage,
  Presence,
  ViewMessage,
  Viewer,
} from '@chaos-quest/engine';
import type { Server, Socket } from 'socket.io';

/** Events the server emits (engine SOCKET_EVENTS). */
export interface ServerToClient {
  view: (message: ViewMessage) => void;
  patch: (message: PatchMessage) => void;
  me: (message: MeMessage) => void;
  presence: (presence: Presence) => void;
  seat: (message: SeatMessage) => void;
}

/** Events a client emits. Payloads are `unknown`: they are untrusted until zod has parsed them. */
export interface ClientToServer {
  command: (payload: unknown, ack: (ack: CommandAck) => void) => void;
  resync: (ack: (ack: ResyncAck) => void) => void;
  history: (request: unknown, ack: (ack: HistoryAck) => void) => void;
  telemetry: (request: unknown, ack: (ack: TelemetryAck) => void) => void;
}

/** Who the handshake said this socket is; set once, before the connection is accepted. */
export interface SocketSeat {
  sessionId: string;
  viewer: Viewer;
  /** null for an observer, who may send nothing. */
  actor: Actor | null;
  /** Which console seat it holds, the facilitator's or a co-facilitator's; null for players, evaluators and observers. */
  console: ConsoleKind | null;
}

/** Between the nodes of a cluster, through the Socket.IO adapter: entries a session's holder appended (untrusted until parsed). */
export interface BetweenNodes {
  'cq:log': (sessionId: unknown, entries: unknown) => void;
}

export type GameServer = Server<ClientToServer, ServerToClient, BetweenNodes, SocketSeat>;
export type GameSocket = Socket<ClientToServer, ServerToClient, BetweenNodes, SocketSeat>;
