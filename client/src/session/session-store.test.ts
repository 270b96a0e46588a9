import { describe, expect, it } from 'vitest';
import { createSessionStore } from './session-store.ts';
import { meMessage, projection } from './test-projections.ts';

const message = (seq: number) => ({ seq, view: projection(`v${seq}`) });

describe('session store', () => {
  it('keeps the newest view and tells the caller about gaps and stale messages', () => {
    const store = createSessionStore();
    expect(store.getState().receiveView(message(3))).toBe('applied');
    expect(store.getState().receiveView(message(5))).toBe('gap');
    expect(store.getState().receiveView(message(4))).toBe('stale');
    expect(store.getState().sync.seq).toBe(5);
  });

  it('holds a player view whole only once its me arrived, and keeps that me across views', () => {
    const store = createSessionStore();
    store.getState().receiveView({ seq: 1, view: projection('a', 'player') });
    expect(store.getState().sync.view).toBeNull();
    expect(store.getState().receiveMe(meMessage(1, 'Ana'))).toBe('applied');
    store.getState().receiveView({ seq: 2, view: projection('b', 'player') });
    expect(store.getState().sync.view).toEqual({ ...projection('b', 'player'), me: meMessage(1, 'Ana').me });
    expect(store.getState().receiveMe(meMessage(0, 'Old'))).toBe('stale');
  });

  it('does not notify subscribers for a message it drops', () => {
    const store = createSessionStore();
    store.getState().receiveView(message(2));
    let notified = 0;
    store.subscribe(() => (notified += 1));
    store.getState().receiveView(message(1));
    store.getState().receiveView('garbage');
    expect(notified).toBe(0);
  });

  it('tracks a command from send to a refusal, and clears the error when asked', () => {
    const store = createSessionStore();
    store.getState().commandSent('c1', 'clock', 'clock.advance');
    expect(store.getState().tracker.pending['c1']).toEqual({ control: 'clock', type: 'clock.advance' });
    store.getState().commandSettled('c1', { ok: false, error: { code: 'wrong-phase', message: 'Not while paused.' } });
    expect(store.getState().tracker.errors).toEqual({ clock: 'Not while paused.' });
    store.getState().clearError('clock');
    expect(store.getState().tracker.errors).toEqual({});
  });

  it('records why the connection is down', () => {
    const store = createSessionStore();
    expect(store.getState().status).toBe('connecting');
    store.getState().setStatus('reconnecting', 'Connection lost.');
    expect(store.getState()).toMatchObject({ status: 'reconnecting', statusDetail: 'Connection lost.' });
    store.getState().setStatus('online');
    expect(store.getState().statusDetail).toBeNull();
  });
});
