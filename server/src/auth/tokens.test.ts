import { describe, expect, it } from 'vitest';
import {
  hashToken,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  newId,
  newJoinCode,
  newToken,
  normalizeJoinCode,
  sameSecret,
} from './tokens.ts';

describe('tokens', () => {
  it('issues 256-bit URL-safe tokens that never repeat', () => {
    const tokens = new Set(Array.from({ length: 200 }, newToken));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(Buffer.from(t, 'base64url')).toHaveLength(32);
  });

  it('issues ids that start with a letter and carry 96 random bits', () => {
    // base64url alone starts 1 id in 32 with '-' or '_': 4,000 ids would show about 125 of them.
    const ids = new Set(Array.from({ length: 4000 }, newId));
    expect(ids.size).toBe(4000);
    const firsts = new Set<string>();
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_-]{16}$/);
      expect(Buffer.from(id.slice(1), 'base64url')).toHaveLength(12);
      firsts.add(id[0] as string);
    }
    expect(firsts.size).toBe(52);
  });

  it('stores a token as a SHA-256 that does not contain the token', () => {
    const token = newToken();
    const hash = hashToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(hashToken(token)).toBe(hash);
  });

  it('draws join codes only from the unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) {
      const code = newJoinCode();
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      for (const ch of code) expect(JOIN_CODE_ALPHABET).toContain(ch);
      expect(code).not.toMatch(/[01OIL]/);
    }
  });

  it('accepts a join code typed in lower case with spaces', () => {
    expect(normalizeJoinCode('  abc234 ')).toBe('ABC234');
  });

  it('compares secrets by value, including different lengths', () => {
    expect(sameSecret('key-1', 'key-1')).toBe(true);
    expect(sameSecret('key-1', 'key-2')).toBe(false);
    expect(sameSecret('key', 'key-1')).toBe(false);
  });
});
