import type { ScenarioCache } from '../scenarios/by-hash.ts';
import type { ServerMetrics } from '../metrics/server-metrics.ts';
import type { Store } from '../store/store.ts';
import type { RoomSender } from './live-session.ts';
import type { PaceClock } from './pace-clock.ts';
import type { AutoPause } from './auto-pause.ts';

/** The slice of pino's logger the hub writes its one-line session events to. */
export interface EventLog {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
}

/** What the command path needs from the server around it. */
export interface HubContext {
  store: Store;
  scenarios: ScenarioCache;
  metrics: ServerMetrics;
  log: EventLog;
  pace: PaceClock;
  autoPause: AutoPause;
  /** Write a snapshot once this many commands have been appended since the last one. */
  snapshotEvery: number;
  /** Wall-clock ms, stamped on each logged command. */
  now: () => number;
  /** How a view reaches an audience room: the socket layer's, once attached (see `SessionHub.useRooms`). */
  rooms: RoomSender;
}
