import { describe, expect, it } from 'vitest';
import { clearError, commandSent, commandSettled, EMPTY_TRACKER, isBusy } from './command-tracker.ts';
import { commandIdSource } from './command-id.ts';

describe('command tracking', () => {
  it('marks a control busy until its ack arrives', () => {
    const sent = commandSent(EMPTY_TRACKER, 'c1', 'clock', 'clock.advance');
    expect(isBusy(sent, 'clock')).toBe(true);
    expect(isBusy(sent, 'dice')).toBe(false);
    const done = commandSettled(sent, 'c1', { ok: true, seq: 4 });
    expect(isBusy(done, 'clock')).toBe(false);
    expect(done.errors).toEqual({});
  });

  it('keeps an error message against the control that sent the command', () => {
    const sent = commandSent(EMPTY_TRACKER, 'c1', 'choice.apply:rollback', 'choice.apply');
    const failed = commandSettled(sent, 'c1', {
      ok: false,
      error: { code: 'wrong-phase', message: 'Not while paused.' },
    });
    expect(failed.errors).toEqual({ 'choice.apply:rollback': 'Not while paused.' });
  });

  it('keeps a wrong-phase refusal in words for people, from the phase the client saw', () => {
    const sent = commandSent(EMPTY_TRACKER, 'c1', 'choice.vote:rollback', 'choice.vote');
    const failed = commandSettled(
      sent,
      'c1',
      { ok: false, error: { code: 'wrong-phase', message: 'Not now.' } },
      { phase: 'paused', viewer: 'player' },
    );
    expect(failed.errors).toEqual({
      'choice.vote:rollback': 'Voting is paused until the facilitator resumes the game.',
    });
  });

  it('clears a control’s old error when it sends again', () => {
    const failed = commandSettled(commandSent(EMPTY_TRACKER, 'c1', 'x', 't'), 'c1', {
      ok: false,
      error: { code: 'timeout', message: 'slow' },
    });
    const retried = commandSent(failed, 'c2', 'x', 't');
    expect(retried.errors).toEqual({});
    expect(isBusy(retried, 'x')).toBe(true);
  });

  it('ignores an ack for a command it is not waiting for', () => {
    const sent = commandSent(EMPTY_TRACKER, 'c1', 'x', 't');
    expect(commandSettled(sent, 'c9', { ok: false, error: { code: 'internal', message: 'no' } })).toBe(sent);
  });

  it('keeps other controls’ errors when one is cleared', () => {
    let t = commandSettled(commandSent(EMPTY_TRACKER, 'a', 'one', 't'), 'a', {
      ok: false,
      error: { code: 'offline', message: 'A' },
    });
    t = commandSettled(commandSent(t, 'b', 'two', 't'), 'b', { ok: false, error: { code: 'offline', message: 'B' } });
    expect(clearError(t, 'one').errors).toEqual({ two: 'B' });
  });
});

describe('commandIdSource', () => {
  it('never repeats an id within a source', () => {
    const next = commandIdSource();
    const ids = new Set(Array.from({ length: 1000 }, next));
    expect(ids.size).toBe(1000);
  });

  it('gives each source (each page load) its own prefix', () => {
    const a = commandIdSource()();
    const b = commandIdSource()();
    expect(a.split('-')[0]).not.toBe(b.split('-')[0]);
  });

  it('fits the protocol’s 64-character limit', () => {
    const next = commandIdSource(() => new Uint8Array(9).fill(255));
    for (let i = 0; i < 5000; i++) next();
    expect(next()).toMatch(/^f{18}-[0-9a-z]+$/);
    expect(next().length).toBeLessThanOrEqual(64);
  });
});
