import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Presence, SeatMessage } from '@chaos-quest/engine';
import {
  clearError,
  commandSent,
  commandSettled,
  EMPTY_TRACKER,
  type CommandOutcome,
  type CommandTracker,
} from './command-tracker.ts';
import { EMPTY_SYNC, receiveMe, receivePatch, receiveView, type ViewSync, type ViewVerdict } from './view-sync.ts';

/**
 * `connecting` before the first connect; `online`; `reconnecting` after a drop (socket.io retries by
 * itself); `rejected` when the server refused the seat (it will not retry); `closed` when the server
 * ended the connection; `read-only` for a closed debrief opened through a read-only link (no socket).
 */
export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'rejected' | 'closed' | 'read-only';

/** What the client holds about its connection to one session (not the engine's SessionState). */
export interface ConnectionState {
  sync: ViewSync;
  presence: Presence | null;
  status: ConnectionStatus;
  /** Why the connection is not online, in words a person can act on. */
  statusDetail: string | null;
  tracker: CommandTracker;
  /** The server said this seat moved: to another device (`moved`), or here, with a new token (`player`). */
  seatMoved: SeatMessage | null;
  /** `replace`: the first view of a new connection, taken even when older than the one held. */
  receiveView(message: unknown, replace?: boolean): ViewVerdict;
  receivePatch(message: unknown): ViewVerdict;
  receiveMe(message: unknown, replace?: boolean): ViewVerdict;
  receivePresence(presence: Presence): void;
  receiveSeat(message: SeatMessage): void;
  setStatus(status: ConnectionStatus, detail?: string | null): void;
  commandSent(id: string, control: string, type: string): void;
  commandSettled(id: string, outcome: CommandOutcome): void;
  clearError(control: string): void;
}

export type SessionStore = StoreApi<ConnectionState>;

/** One session's client state: the view, presence, connection status and commands in flight. */
export function createSessionStore(): SessionStore {
  return createStore<ConnectionState>()((set, get) => ({
    sync: EMPTY_SYNC,
    presence: null,
    status: 'connecting',
    statusDetail: null,
    tracker: EMPTY_TRACKER,
    seatMoved: null,
    receiveView(message, replace = false) {
      const { sync, verdict } = receiveView(get().sync, message, replace);
      if (sync !== get().sync) set({ sync });
      return verdict;
    },
    receivePatch(message) {
      const { sync, verdict } = receivePatch(get().sync, message);
      if (sync !== get().sync) set({ sync });
      return verdict;
    },
    receiveMe(message, replace = false) {
      const { sync, verdict } = receiveMe(get().sync, message, replace);
      if (sync !== get().sync) set({ sync });
      return verdict;
    },
    receivePresence: (presence) => set({ presence }),
    receiveSeat: (seatMoved) => set({ seatMoved }),
    setStatus: (status, detail = null) => set({ status, statusDetail: detail }),
    commandSent: (id, control, type) => set((s) => ({ tracker: commandSent(s.tracker, id, control, type) })),
    commandSettled: (id, outcome) => set((s) => ({ tracker: commandSettled(s.tracker, id, outcome, s.sync.view) })),
    clearError: (control) => set((s) => ({ tracker: clearError(s.tracker, control) })),
  }));
}
