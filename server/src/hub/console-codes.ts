import { randomInt } from 'node:crypto';
import type { ConsoleCodeResponse, ConsoleKind } from '@chaos-quest/engine';
import { JOIN_CODE_ALPHABET } from '../auth/tokens.ts';

/** How long a console code works after it is shown. */
export const CONSOLE_CODE_TTL_MS = 10 * 60_000;
const CODE_LENGTH = 8;

interface Pending {
  sessionId: string;
  kind: ConsoleKind;
  expiresAt: number;
}

/**
 * One-time codes that move a console seat to another device. A code opens its seat once, within
 * CONSOLE_CODE_TTL_MS; a session holds at most one code per kind (a new one replaces the old), so
 * memory follows the live sessions. Codes live in this process only: a restart voids them, and the
 * facilitator shows a new one. Eight characters of JOIN_CODE_ALPHABET (31^8, about 10^12), behind
 * the same per-address limit on wrong codes as joining, are beyond guessing in ten minutes.
 */
export class ConsoleCodes {
  private readonly byCode = new Map<string, Pending>();
  private readonly now: () => number;

  constructor(now: () => number) {
    this.now = now;
  }

  /** A new code for the session's `kind` seat; the session's previous code of that kind stops working. */
  issue(sessionId: string, kind: ConsoleKind): ConsoleCodeResponse {
    this.sweep();
    this.revoke(sessionId, kind);
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
    const expiresAt = this.now() + CONSOLE_CODE_TTL_MS;
    this.byCode.set(code, { sessionId, kind, expiresAt });
    return { code, kind, expiresAt };
  }

  /** The session's `kind` code, if one waits, stops working. */
  revoke(sessionId: string, kind: ConsoleKind): void {
    for (const [code, pending] of this.byCode)
      if (pending.sessionId === sessionId && pending.kind === kind) this.byCode.delete(code);
  }

  /** The seat a typed code opens, spending the code; null for an unknown, used or expired code. */
  redeem(typed: string): { sessionId: string; kind: ConsoleKind } | null {
    const code = typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
    const pending = this.byCode.get(code);
    if (!pending) return null;
    this.byCode.delete(code);
    return pending.expiresAt > this.now() ? { sessionId: pending.sessionId, kind: pending.kind } : null;
  }

  private sweep(): void {
    const now = this.now();
    for (const [code, pending] of this.byCode) if (pending.expiresAt <= now) this.byCode.delete(code);
  }
}
