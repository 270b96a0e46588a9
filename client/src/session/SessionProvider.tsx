import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { HandshakeAuth, TelemetryPoints, TimelineEntry, ViewMessage } from '@chaos-quest/engine';
import { connectSession, type CommandInput, type SessionLink } from './connection.ts';
import type { CommandOutcome } from './command-tracker.ts';
import { createSessionStore, type ConnectionState, type SessionStore } from './session-store.ts';

interface SessionContextValue {
  store: SessionStore;
  send(command: CommandInput, control: string): Promise<CommandOutcome>;
  resync(): void;
  history(end: number, limit: number): Promise<TimelineEntry[]>;
  telemetry(from: number): Promise<TelemetryPoints | null>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

const NOT_CONNECTED: CommandOutcome = {
  ok: false,
  error: { code: 'offline', message: 'Not connected yet. Try again in a moment.' },
};

/** Connects to a session for as long as it is mounted and gives its children the session's state. */
export function SessionProvider({ auth, children }: { auth: HandshakeAuth; children: ReactNode }) {
  const [store] = useState(createSessionStore);
  const link = useRef<SessionLink | null>(null);
  const authKey = JSON.stringify(auth);
  useEffect(() => {
    const connected = connectSession(store, { auth: JSON.parse(authKey) as HandshakeAuth });
    link.current = connected;
    return () => {
      connected.close();
      link.current = null;
    };
  }, [store, authKey]);
  const [value] = useState<SessionContextValue>(() => ({
    store,
    send: (command, control) => link.current?.send(command, control) ?? Promise.resolve(NOT_CONNECTED),
    resync: () => link.current?.resync(),
    telemetry: (from) => link.current?.telemetry(from) ?? Promise.reject(new Error('Not connected yet.')),
    history: (end, limit) =>
      link.current?.history(end, limit) ??
      Promise.reject(new Error(NOT_CONNECTED.ok ? '' : NOT_CONNECTED.error.message)),
  }));
  return <SessionContext value={value}>{children}</SessionContext>;
}

/** Where a session without a socket gets what a view does not carry. */
export interface SessionSource {
  history(end: number, limit: number): Promise<TimelineEntry[]>;
  telemetry(from: number): Promise<TelemetryPoints | null>;
}

const READ_ONLY: CommandOutcome = {
  ok: false,
  error: { code: 'offline', message: 'This debrief is read-only: nothing can be changed from here.' },
};

/**
 * A session that never connects: one fixed view (a closed debrief behind a read-only link), its
 * earlier timeline and telemetry from `source`, and every command refused without being sent.
 */
export function ReadOnlySessionProvider({
  view,
  source,
  children,
}: {
  view: ViewMessage;
  source: SessionSource;
  children: ReactNode;
}) {
  const [store] = useState(() => {
    const created = createSessionStore();
    created.getState().receiveView(view, true);
    created.getState().setStatus('read-only');
    return created;
  });
  const [value] = useState<SessionContextValue>(() => ({
    store,
    send: () => Promise.resolve(READ_ONLY),
    resync: () => undefined,
    history: source.history,
    telemetry: source.telemetry,
  }));
  return <SessionContext value={value}>{children}</SessionContext>;
}

function useSessionContext(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession… hooks need a <SessionProvider> above them');
  return value;
}

/** A slice of the session's client state; re-renders when that slice changes. */
export function useSessionState<T>(selector: (state: ConnectionState) => T): T {
  return useStore(useSessionContext().store, selector);
}

export interface CommandControl {
  /** Sends the command; resolves true when the server accepted it. */
  send(command: CommandInput): Promise<boolean>;
  busy: boolean;
  /** The server's (or the connection's) reason the last attempt failed, to show beside the control. */
  error: string | null;
  clearError(): void;
}

/** Commands sent on behalf of one control, with its busy flag and last error. */
export function useCommand(control: string): CommandControl {
  const { send, store } = useSessionContext();
  const busy = useStore(store, (s) => Object.values(s.tracker.pending).some((p) => p.control === control));
  const error = useStore(store, (s) => s.tracker.errors[control] ?? null);
  return {
    send: async (command) => (await send(command, control)).ok,
    busy,
    error,
    clearError: () => store.getState().clearError(control),
  };
}

/**
 * The timeline entries before the window a view carries (`timelineCount` counts them all), loaded a
 * page at a time on demand, so a long session's history never rides along in every view. `older`
 * holds entries `[start, start + older.length)` of the whole list; when the window moves on it
 * leaves a gap behind it, which the next load fills first.
 */
export function useEarlierTimeline(entries: readonly TimelineEntry[], total: number) {
  const context = useContext(SessionContext);
  const [held, setHeld] = useState<{ start: number; older: TimelineEntry[] }>({ start: 0, older: [] });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const windowStart = Math.max(0, total - entries.length);
  const heldEnd = held.start + held.older.length;
  const missing = held.older.length === 0 ? windowStart : held.start + Math.max(0, windowStart - heldEnd);
  const loadEarlier = () => {
    if (!context || loading || missing === 0) return;
    const gap = held.older.length > 0 && heldEnd < windowStart;
    const end = held.older.length === 0 ? windowStart : gap ? Math.min(windowStart, heldEnd + 100) : held.start;
    const limit = gap ? end - heldEnd : Math.min(100, end);
    setLoading(true);
    setError(null);
    context
      .history(end, limit)
      .then(
        (page) =>
          setHeld((h) =>
            h.older.length === 0
              ? { start: end - page.length, older: page }
              : gap
                ? { start: h.start, older: [...h.older, ...page] }
                : { start: h.start - page.length, older: [...page, ...h.older] },
          ),
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      )
      .finally(() => setLoading(false));
  };
  return { older: held.older, missing: context ? missing : 0, loading, error, loadEarlier };
}

/**
 * The session's telemetry up to the current game minute, fetched as the clock moves: the first
 * request takes the whole history, later ones only the minutes since (points never change once
 * their minute has passed, except when mitigation fades the fault, so a milestone refetches).
 * `null` until known; `false` when the scenario has none.
 */
export function useTelemetry(minutes: number, refetchKey: string): TelemetryPoints | null | false {
  const context = useContext(SessionContext);
  const [held, setHeld] = useState<{ key: string; data: TelemetryPoints | null | false }>({
    key: refetchKey,
    data: null,
  });
  useEffect(() => {
    if (!context) return;
    let live = true;
    const data = held.key === refetchKey ? held.data : null;
    if (data === false || (data && data.upTo >= minutes)) return;
    const from = data ? data.upTo + 1 : -100_000;
    context.telemetry(from).then(
      (answer) => {
        if (!live) return;
        setHeld((now) => {
          const base = now.key === refetchKey ? now.data : null;
          if (answer === null) return { key: refetchKey, data: false };
          if (!base || from === -100_000) return { key: refetchKey, data: answer };
          const metrics = base.metrics.map((m) => {
            const added = answer.metrics.find((a) => a.id === m.id)?.points ?? [];
            return { ...m, points: [...m.points, ...added.filter(([minute]) => minute > base.upTo)] };
          });
          return { key: refetchKey, data: { ...answer, metrics } };
        });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [context, minutes, refetchKey, held]);
  return held.key === refetchKey ? held.data : null;
}
