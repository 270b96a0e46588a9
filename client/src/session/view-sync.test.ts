import { describe, expect, it } from 'vitest';
import type { Projection } from '@chaos-quest/engine';
import { EMPTY_SYNC, receiveMe, receiveView } from './view-sync.ts';

const view = (label: string, viewer = 'observer') => ({ viewer, clock: { label } }) as unknown as Projection;
const me = (seq: number, name: string) => ({ seq, me: { playerId: 'p1', name } });

describe('receiveView', () => {
  it('takes the first view whatever its seq', () => {
    const { sync, verdict } = receiveView(EMPTY_SYNC, { seq: 41, view: view('a') });
    expect(verdict).toBe('applied');
    expect(sync).toMatchObject({ seq: 41, view: view('a') });
  });

  it('applies the next seq in order', () => {
    const first = receiveView(EMPTY_SYNC, { seq: 1, view: view('a') }).sync;
    const { sync, verdict } = receiveView(first, { seq: 2, view: view('b') });
    expect(verdict).toBe('applied');
    expect(sync.view).toEqual(view('b'));
  });

  it('reports a gap in seq but still shows the newer snapshot', () => {
    const first = receiveView(EMPTY_SYNC, { seq: 3, view: view('a') }).sync;
    const { sync, verdict } = receiveView(first, { seq: 6, view: view('b') });
    expect(verdict).toBe('gap');
    expect(sync.seq).toBe(6);
  });

  it('drops a late message older than the held view', () => {
    const held = receiveView(EMPTY_SYNC, { seq: 9, view: view('new') }).sync;
    const { sync, verdict } = receiveView(held, { seq: 8, view: view('old') });
    expect(verdict).toBe('stale');
    expect(sync).toBe(held);
  });

  it('replaces the held view with a re-sent one at the same seq', () => {
    const held = receiveView(EMPTY_SYNC, { seq: 9, view: view('a') }).sync;
    const { sync, verdict } = receiveView(held, { seq: 9, view: view('b') });
    expect(verdict).toBe('applied');
    expect(sync.view).toEqual(view('b'));
  });

  it.each([null, 'view', { seq: '3', view: {} }, { seq: 3 }, { seq: -1, view: {} }, { seq: 1.5, view: {} }])(
    'ignores a malformed message %j',
    (message) => {
      const { sync, verdict } = receiveView(EMPTY_SYNC, message);
      expect(verdict).toBe('invalid');
      expect(sync).toBe(EMPTY_SYNC);
    },
  );
});

describe('composing a player view from the shared view and me', () => {
  it('shows nothing for a player until both parts arrived, in either order', () => {
    const viewFirst = receiveView(EMPTY_SYNC, { seq: 4, view: view('a', 'player') }).sync;
    expect(viewFirst.view).toBeNull();
    expect(receiveMe(viewFirst, me(4, 'Ana')).sync.view).toEqual({ viewer: 'player', clock: { label: 'a' }, me: { playerId: 'p1', name: 'Ana' } });
    const meFirst = receiveMe(EMPTY_SYNC, me(4, 'Ana')).sync;
    expect(meFirst.view).toBeNull();
    expect(receiveView(meFirst, { seq: 4, view: view('a', 'player') }).sync.view).toEqual({ viewer: 'player', clock: { label: 'a' }, me: { playerId: 'p1', name: 'Ana' } });
  });

  it('keeps an older me across newer views, since the server sends it only when it changes', () => {
    let sync = receiveMe(EMPTY_SYNC, me(2, 'Ana')).sync;
    sync = receiveView(sync, { seq: 2, view: view('a', 'player') }).sync;
    const { sync: next, verdict } = receiveView(sync, { seq: 3, view: view('b', 'player') });
    expect(verdict).toBe('applied');
    expect(next.view).toMatchObject({ clock: { label: 'b' }, me: { name: 'Ana' } });
  });

  it('ignores a me older than the held one, and takes one at the same seq or newer', () => {
    let sync = receiveView(EMPTY_SYNC, { seq: 7, view: view('a', 'player') }).sync;
    sync = receiveMe(sync, me(7, 'Ana')).sync;
    const late = receiveMe(sync, me(5, 'Old'));
    expect(late.verdict).toBe('stale');
    expect(late.sync).toBe(sync);
    expect(receiveMe(sync, me(7, 'Again')).sync.view).toMatchObject({ me: { name: 'Again' } });
    expect(receiveMe(sync, me(8, 'Next')).sync.view).toMatchObject({ me: { name: 'Next' } });
  });

  it('never puts a me into a facilitator or observer view', () => {
    const sync = receiveMe(EMPTY_SYNC, me(1, 'Ana')).sync;
    expect(receiveView(sync, { seq: 1, view: view('a', 'observer') }).sync.view).toEqual(view('a', 'observer'));
  });

  it.each([null, { seq: 1 }, { seq: 'x', me: {} }, { seq: -2, me: {} }, { seq: 1, me: null }])('ignores a malformed me %j', (message) => {
    const { sync, verdict } = receiveMe(EMPTY_SYNC, message);
    expect(verdict).toBe('invalid');
    expect(sync).toBe(EMPTY_SYNC);
  });
});
