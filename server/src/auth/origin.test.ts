import { describe, expect, it } from 'vitest';
import { originAllowed } from './origin.ts';

describe('originAllowed', () => {
  it('lets non-browser clients without an Origin through', () => {
    expect(originAllowed(undefined, 'localhost:3000', null)).toBe(true);
  });

  it('by default allows only the same origin as the Host header', () => {
    expect(originAllowed('http://localhost:3000', 'localhost:3000', null)).toBe(true);
    expect(originAllowed('http://evil.example', 'localhost:3000', null)).toBe(false);
    expect(originAllowed('http://localhost:5173', 'localhost:3000', null)).toBe(false);
    expect(originAllowed('not a url', 'localhost:3000', null)).toBe(false);
  });

  it('with an allowlist also allows exactly the listed origins', () => {
    const list = ['http://localhost:5173'];
    expect(originAllowed('http://localhost:5173', 'localhost:3000', list)).toBe(true);
    expect(originAllowed('http://localhost:5173/', 'localhost:3000', list)).toBe(false);
    expect(originAllowed('http://evil.example', 'localhost:3000', list)).toBe(false);
    expect(originAllowed('http://localhost:3000', 'localhost:3000', list)).toBe(true);
  });
});
