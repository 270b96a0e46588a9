import { describe, expect, it } from 'vitest';
import { createSeatStore, type Seat, type SeatStorage } from './seats.ts';

/** A real Storage implementation over a Map, as the Web Storage spec describes it. */
function memoryStorage(): SeatStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
  };
}

const player: Seat = {
  kind: 'player',
  sessionId: 's1',
  token: 'tok-player-0123456789',
  joinCode: 'ABCD',
  playerId: 'p1',
  name: 'Ana',
  title: null,
  savedAt: 2,
};
const facilitator: Seat = {
  kind: 'facilitator',
  sessionId: 's1',
  token: 'tok-fac-0123456789',
  joinCode: 'ABCD',
  playerId: null,
  name: null,
  title: 'The TTL Trap',
  savedAt: 1,
};

describe('seat store', () => {
  it('returns a saved seat after a reload (a new store over the same storage)', () => {
    const storage = memoryStorage();
    expect(createSeatStore(storage).save(player)).toBe(true);
    expect(createSeatStore(storage).get('s1', 'player')).toEqual(player);
  });

  it('keeps the facilitator and a player seat of one session apart', () => {
    const store = createSeatStore(memoryStorage());
    store.save(player);
    store.save(facilitator);
    expect(store.get('s1', 'facilitator')?.token).toBe(facilitator.token);
    expect(store.get('s1', 'player')?.token).toBe(player.token);
    expect(store.list().map((s) => s.kind)).toEqual(['player', 'facilitator']);
  });

  it('forgets a seat', () => {
    const store = createSeatStore(memoryStorage());
    store.save(player);
    store.forget('s1', 'player');
    expect(store.get('s1', 'player')).toBeNull();
  });

  it('reads a corrupt or foreign entry as absent', () => {
    const storage = memoryStorage();
    storage.setItem('cq.seat.player.s1', '{not json');
    storage.setItem(
      'cq.seat.player.s2',
      JSON.stringify({ kind: 'player', sessionId: 's2', token: 't', joinCode: 'X' }),
    );
    storage.setItem('unrelated', 'x');
    const store = createSeatStore(storage);
    expect(store.get('s1', 'player')).toBeNull();
    expect(store.get('s2', 'player')).toBeNull();
    expect(store.list()).toEqual([]);
  });

  it('reports a storage that refuses to write instead of throwing', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(createSeatStore(storage).save(player)).toBe(false);
    expect(createSeatStore(null).save(player)).toBe(false);
    expect(createSeatStore(null).list()).toEqual([]);
  });
});
