import { describe, expect, it } from 'vitest';
import type { EscalationStep } from '@chaos-quest/engine';
import { escalationWhen } from './EscalationPath.tsx';

const step = (level: number, after: number): EscalationStep => ({ level, who: `Level ${level}`, after });
const [first, second, third] = [step(1, 0), step(2, 15), step(3, 40)] as const;

describe('escalationWhen', () => {
  it('counts down to the next level while the game runs', () => {
    expect([first, second, third].map((s) => escalationWhen(s, 5, second, false))).toEqual([
      'reached',
      'in 10 min',
      'after 40 min',
    ]);
  });

  it('says when each level comes before anyone knows of the incident', () => {
    expect([first, second].map((s) => escalationWhen(s, null, undefined, false))).toEqual(['at once', 'after 15 min']);
  });

  it('stops the countdown once the game is over: what was not reached says so', () => {
    expect([first, second, third].map((s) => escalationWhen(s, 26, undefined, true))).toEqual([
      'reached',
      'reached',
      'not reached',
    ]);
  });
});
