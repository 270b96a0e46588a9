import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../sha256.ts';

/**
 * Secrets handed to browsers. Tokens carry 256 bits from the CSPRNG and are stored only as their
 * SHA-256, so a leaked database opens no seat. Join codes are short and typable; they are only a
 * rate-limited lookup that issues a token, never a credential themselves.
 */

/** A new bearer token: 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the store keeps of a token: its SHA-256 as hex. Pure. */
export function hashToken(token: string): string {
  return sha256Hex(token);
}

/** Characters that survive being read aloud across a room: no 0/O, 1/I/L. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** A new join code, uniformly drawn from JOIN_CODE_ALPHABET. */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** How a typed code is compared: case and surrounding spaces do not matter. Pure. */
export function normalizeJoinCode(typed: string): string {
  return typed.trim().toUpperCase();
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A random id for sessions and players: a random letter, then 96 random bits as base64url (17
 * characters, URL-safe, well under the protocol's 64-char id limit). The letter comes first so that
 * no id starts with `-` or `_` (base64url would in 1 of 32) or a digit: a spreadsheet reads every
 * id in an export as plain text, and no id looks like an option on a command line.
 */
export function newId(): string {
  return LETTERS[randomInt(LETTERS.length)] + randomBytes(12).toString('base64url');
}

/** Compares two secrets in constant time; false when the lengths differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
