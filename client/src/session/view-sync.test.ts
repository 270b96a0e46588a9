import { describe, expect, it } from 'vitest';
import type { View } from '@chaos-quest/engine';
import { EMPTY_SYNC, receiveView } from './view-sync.ts';

const view = (label: string) => ({ viewer: 'observer', clock: { label } }) as unknown as View;

describe('receiveView', () => {
  it('takes the first view whatever its seq', () => {
    const { sync, verdict } = receiveView(EMPTY_SYNC, { seq: 41, view: view('a') });
    expect(verdict).toBe('applied');
    expect(sync).toEqual({ seq: 41, view: view('a') });
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
