import { randomInt } from 'node:crypto';
import type { ConsoleCodeResponse, ConsoleKind } from '@chaos-quest/engine';
import { hashToken, JOIN_CODE_ALPHABET } from '../auth/tokens.ts';
import type { ConsoleSeat, Store } from '../store/store.ts';

/** How long a console code works after it is shown. */
export const CONSOLE_CODE_TTL_MS = 10 * 60_000;
const CODE_LENGTH = 8;

/**
 * One-time codes that move a console seat to another device. A code opens its seat once, within
 * CONSOLE_CODE_TTL_MS; a session holds at most one code per kind (a new one replaces the old).
 * Codes live in the store, so one shown by any node opens its seat on any node, and survive a
 * restart; the store keeps only their hash. Eight characters of JOIN_CODE_ALPHABET (31^8, about
 * 10^12), behind the same per-address limit on wrong codes as joining, are beyond guessing in ten
 * minutes.
 */
export class ConsoleCodes {
  private readonly store: Store;
  private readonly now: () => number;

  constructor(store: Store, now: () => number) {
    this.store = store;
    this.now = now;
  }

  /**
   * A new code for the session's `kind` seat; the session's previous code of that kind stops
   * working. Rejects for an unknown session.
   */
  async issue(sessionId: string, kind: ConsoleKind): Promise<ConsoleCodeResponse> {
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
    const now = this.now();
    const expiresAt = now + CONSOLE_CODE_TTL_MS;
    await this.store.issueConsoleCode({ sessionId, kind, codeHash: hashToken(code), expiresAt }, now);
    return { code, kind, expiresAt };
  }

  /** The session's `kind` code, if one waits, stops working. */
  revoke(sessionId: string, kind: ConsoleKind): Promise<void> {
    return this.store.revokeConsoleCode(sessionId, kind);
  }

  /** The seat a typed code opens, spending the code; null for an unknown, used or expired code. */
  async redeem(typed: string): Promise<ConsoleSeat | null> {
    // Case, spaces and dashes are how people type a code they read off a screen, not part of it.
    const code = typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
    // A code of the wrong length was never issued: no need to ask the store.
    if (code.length !== CODE_LENGTH) return null;
    return this.store.redeemConsoleCode(hashToken(code), this.now());
  }
}
