import { describe, expect, it } from 'vitest';
import { phaseRefusal, readableRefusal } from './readable-error.ts';

describe('readable refusals', () => {
  it("says 'Voting is paused' for a vote the server refused while paused", () => {
    const error = { code: 'wrong-phase', message: "'choice.vote' is not possible while the session is paused." };
    expect(readableRefusal('choice.vote', error, 'running')).toBe(
      'Voting is paused until the facilitator resumes the game.',
    );
  });

  it('falls back to the phase this client saw when the message names none', () => {
    expect(readableRefusal('incident.declare', { code: 'wrong-phase', message: 'Not now.' }, 'ended')).toBe(
      'Declaring the incident closed when the quest ended.',
    );
    expect(readableRefusal('incident.declare', { code: 'wrong-phase', message: 'Not now.' }, null)).toBe('Not now.');
    expect(readableRefusal('session.pause', { code: 'wrong-phase', message: 'Nothing to pause yet.' }, 'running')).toBe(
      'Nothing to pause yet.',
    );
  });

  it("keeps the server's own message for every other refusal", () => {
    const error = { code: 'budget', message: 'This session has used its 300,000 characters of text.' };
    expect(readableRefusal('timeline.post', error, 'paused')).toBe(error.message);
  });

  it('has a sentence for every phase, and special ones where the generic would read wrong', () => {
    expect(phaseRefusal('session.resume', 'running')).toBe('The game is already running.');
    expect(phaseRefusal('role.take', 'running')).toMatch(/ask the facilitator for a role/);
    expect(phaseRefusal('choice.vote', 'lobby')).toBe('Voting opens once the quest starts.');
    expect(phaseRefusal('scene.goto', 'paused', 'facilitator')).toBe(
      'Changing the scene is paused until you resume the game.',
    );
    expect(phaseRefusal('some.new-command', 'paused')).toBe(
      'The game is paused: this works again when the facilitator resumes it.',
    );
  });
});
