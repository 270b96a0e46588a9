import { z } from 'zod';
import type { SessionId } from './ids.ts';

/**
 * Moving seats between devices. The console (the facilitator's seat) moves with a one-time code it
 * shows: a handover code gives the seat to the device that types it and closes the old one; a
 * co-facilitator code opens a second console with a token of its own. With the admin key, the
 * facilitator's seat can be recovered by the session's join code when the device holding it is gone.
 */

export const CONSOLE_KINDS = ['facilitator', 'co-facilitator'] as const;
export type ConsoleKind = (typeof CONSOLE_KINDS)[number];

/** `POST /api/sessions/:id/console-code`, with the facilitator's token: a code for `kind`. */
export const consoleCodeRequestSchema = z.strictObject({ kind: z.enum(CONSOLE_KINDS) });

export interface ConsoleCodeResponse {
  /** Eight characters, shown as two groups of four; case, spaces and dashes do not matter when typed. */
  code: string;
  kind: ConsoleKind;
  /** Wall-clock ms after which the code no longer works. */
  expiresAt: number;
}

/** `POST /api/console` `{ code }`: the seat the code opens, once. */
export const takeConsoleRequestSchema = z.strictObject({ code: z.string().trim().min(4).max(20) });

/** `POST /api/console/recover` `{ joinCode }`, with the admin key: the facilitator's seat, on this device. */
export const recoverConsoleRequestSchema = z.strictObject({ joinCode: z.string().trim().min(4).max(16) });

export interface TakeConsoleResponse {
  sessionId: SessionId;
  joinCode: string;
  token: string;
  kind: ConsoleKind;
}
