import { describe, expect, it } from 'vitest';
import { entry, meMessage as me, projection } from './test-projections.ts';
import { EMPTY_SYNC, receiveMe, receivePatch, receiveView } from './view-sync.ts';

const view = (label: string, viewer: 'observer' | 'player' = 'observer') => projection(label, viewer);

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

  it('takes an older view when told to replace (the first view of a new connection)', () => {
    const held = receiveView(EMPTY_SYNC, { seq: 9, view: view('ahead') }).sync;
    const { sync, verdict } = receiveView(held, { seq: 4, view: view('truth') }, true);
    expect(verdict).toBe('applied');
    expect(sync).toMatchObject({ seq: 4, view: view('truth') });
  });

  it('replaces the held view with a re-sent one at the same seq', () => {
    const held = receiveView(EMPTY_SYNC, { seq: 9, view: view('a') }).sync;
    const { sync, verdict } = receiveView(held, { seq: 9, view: view('b') });
    expect(verdict).toBe('applied');
    expect(sync.view).toEqual(view('b'));
  });

  it.each([
    null,
    'view',
    { seq: '3', view: {} },
    { seq: 3 },
    { seq: -1, view: {} },
    { seq: 1.5, view: {} },
    { seq: 1, view: { viewer: 'observer' } },
  ])('ignores a malformed message %j', (message) => {
    const { sync, verdict } = receiveView(EMPTY_SYNC, message);
    expect(verdict).toBe('invalid');
    expect(sync).toBe(EMPTY_SYNC);
  });
});

describe('receivePatch', () => {
  const timelineView = (labels: string[], viewer: 'observer' | 'player' = 'observer') =>
    projection('x', viewer, labels);
  const held = receiveView(EMPTY_SYNC, { seq: 5, view: timelineView(['a']) }).sync;

  it('applies a patch made from the held seq: fields replaced, entries appended', () => {
    const clock = { ...projection('y').clock };
    const { sync, verdict } = receivePatch(held, {
      seq: 6,
      base: 5,
      patch: { set: { clock }, append: { timeline: [entry('b'), entry('c')] } },
    });
    expect(verdict).toBe('applied');
    expect(sync.seq).toBe(6);
    expect(sync.view).toEqual({ ...projection('y', 'observer', ['a', 'b', 'c']), timelineCount: 1 });
    expect(held.view).toEqual(timelineView(['a']));
  });

  it('takes a patch whose seq jumps, as long as it was made from the held seq', () => {
    expect(receivePatch(held, { seq: 9, base: 5, patch: { set: {}, append: {} } })).toMatchObject({
      verdict: 'applied',
      sync: { seq: 9 },
    });
  });

  it('reports a gap for a patch made from another seq, and keeps the held view', () => {
    const { sync, verdict } = receivePatch(held, {
      seq: 8,
      base: 7,
      patch: { set: {}, append: { timeline: [entry('z')] } },
    });
    expect(verdict).toBe('gap');
    expect(sync).toBe(held);
  });

  it('reports a gap for a patch that does not fit the held view, or when no view is held', () => {
    expect(receivePatch(held, { seq: 6, base: 5, patch: { set: { nonsense: 1 }, append: {} } }).verdict).toBe('gap');
    expect(receivePatch(held, { seq: 6, base: 5, patch: { set: {}, append: { clock: ['z'] } } }).verdict).toBe('gap');
    expect(receivePatch(EMPTY_SYNC, { seq: 6, base: 5, patch: { set: {}, append: {} } }).verdict).toBe('gap');
  });

  it('drops a patch not newer than the held view (a whole view came first)', () => {
    const { sync, verdict } = receivePatch(held, {
      seq: 5,
      base: 4,
      patch: { set: {}, append: { timeline: [entry('old')] } },
    });
    expect(verdict).toBe('stale');
    expect(sync).toBe(held);
  });

  it('keeps a player view composed with the held me', () => {
    const player = receiveMe(
      receiveView(EMPTY_SYNC, { seq: 2, view: timelineView([], 'player') }).sync,
      me(2, 'Ana'),
    ).sync;
    const { sync } = receivePatch(player, { seq: 3, base: 2, patch: { set: {}, append: { timeline: [entry('t')] } } });
    expect(sync.view).toEqual({ ...projection('x', 'player', ['t']), timelineCount: 0, me: me(2, 'Ana').me });
  });

  it('reports a patch that fits but makes a projection no screen can read as invalid', () => {
    const { sync, verdict } = receivePatch(held, { seq: 6, base: 5, patch: { set: { phase: 'dancing' }, append: {} } });
    expect(verdict).toBe('invalid');
    expect(sync).toBe(held);
  });

  it.each([
    null,
    { seq: 6, base: 5 },
    { seq: 6, base: '5', patch: { set: {}, append: {} } },
    { seq: 6, base: 5, patch: { set: {}, append: { timeline: 'b' } } },
    { seq: 6, base: 5, patch: { set: [] } },
  ])('ignores a malformed message %j', (message) => {
    const { sync, verdict } = receivePatch(held, message);
    expect(verdict).toBe('invalid');
    expect(sync).toBe(held);
  });
});

describe('composing a player view from the shared view and me', () => {
  it('shows nothing for a player until both parts arrived, in either order', () => {
    const viewFirst = receiveView(EMPTY_SYNC, { seq: 4, view: view('a', 'player') }).sync;
    expect(viewFirst.view).toBeNull();
    expect(receiveMe(viewFirst, me(4, 'Ana')).sync.view).toEqual({ ...view('a', 'player'), me: me(4, 'Ana').me });
    const meFirst = receiveMe(EMPTY_SYNC, me(4, 'Ana')).sync;
    expect(meFirst.view).toBeNull();
    expect(receiveView(meFirst, { seq: 4, view: view('a', 'player') }).sync.view).toEqual({
      ...view('a', 'player'),
      me: me(4, 'Ana').me,
    });
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

  it.each([null, { seq: 1 }, { seq: 'x', me: {} }, { seq: -2, me: {} }, { seq: 1, me: null }])(
    'ignores a malformed me %j',
    (message) => {
      const { sync, verdict } = receiveMe(EMPTY_SYNC, message);
      expect(verdict).toBe('invalid');
      expect(sync).toBe(EMPTY_SYNC);
    },
  );
});
