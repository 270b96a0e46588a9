/**
 * Seat tokens, kept in the browser's storage per session so that a reload returns a person to the
 * same seat. Tokens live only here and in the socket handshake, never in a URL.
 */

export type SeatKind = 'facilitator' | 'player';

export interface Seat {
  kind: SeatKind;
  sessionId: string;
  token: string;
  joinCode: string;
  /** The player's id and name; null for the facilitator's seat. */
  playerId: string | null;
  name: string | null;
  /** The scenario's title once a view has shown it, to list seats readably. */
  title: string | null;
  savedAt: number;
  /** A co-facilitator's console: the facilitator's powers, but ending the session and moving seats stay the facilitator's. */
  co?: true;
}

export type SeatStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface SeatStore {
  get(sessionId: string, kind: SeatKind): Seat | null;
  /** Returns false when the storage refused (full, or blocked by the browser). */
  save(seat: Seat): boolean;
  forget(sessionId: string, kind: SeatKind): void;
  /** Every seat held, newest first. */
  list(): Seat[];
}

const PREFIX = 'cq.seat.';
const keyOf = (sessionId: string, kind: SeatKind) => `${PREFIX}${kind}.${sessionId}`;

function parseSeat(text: string | null): Seat | null {
  if (text === null) return null;
  try {
    const s = JSON.parse(text) as Partial<Seat> | null;
    const strings = s && [s.sessionId, s.token, s.joinCode].every((v) => typeof v === 'string' && v.length > 0);
    if (!s || !strings || (s.kind !== 'facilitator' && s.kind !== 'player')) return null;
    if (s.kind === 'player' && typeof s.playerId !== 'string') return null;
    return {
      kind: s.kind,
      sessionId: s.sessionId as string,
      token: s.token as string,
      joinCode: s.joinCode as string,
      playerId: s.playerId ?? null,
      name: typeof s.name === 'string' ? s.name : null,
      title: typeof s.title === 'string' ? s.title : null,
      savedAt: typeof s.savedAt === 'number' ? s.savedAt : 0,
      ...(s.kind === 'facilitator' && s.co === true ? { co: true as const } : {}),
    };
  } catch {
    return null;
  }
}

/**
 * A seat store over `storage` (localStorage in the browser, any Storage in tests). With `null`
 * storage (blocked by the browser) nothing is kept and `save` returns false. Corrupt entries read
 * as absent; no method throws.
 */
export function createSeatStore(storage: SeatStorage | null): SeatStore {
  return {
    get(sessionId, kind) {
      try {
        return parseSeat(storage?.getItem(keyOf(sessionId, kind)) ?? null);
      } catch {
        return null;
      }
    },
    save(seat) {
      if (!storage) return false;
      try {
        storage.setItem(keyOf(seat.sessionId, seat.kind), JSON.stringify(seat));
        return true;
      } catch {
        return false;
      }
    },
    forget(sessionId, kind) {
      try {
        storage?.removeItem(keyOf(sessionId, kind));
      } catch {
        // A storage that cannot be written holds nothing to forget.
      }
    },
    list() {
      if (!storage) return [];
      const seats: Seat[] = [];
      try {
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i);
          const seat = key?.startsWith(PREFIX) ? parseSeat(storage.getItem(key)) : null;
          if (seat) seats.push(seat);
        }
      } catch {
        return seats;
      }
      return seats.sort((a, b) => b.savedAt - a.savedAt);
    },
  };
}

/** The browser's localStorage, or null where the browser blocks it (some private modes). */
export function browserStorage(): SeatStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
