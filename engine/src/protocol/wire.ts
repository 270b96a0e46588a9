import { z } from 'zod';
import type { StepErrorCode } from '../session/errors.ts';
import type { View } from '../views/view.ts';

/**
 * The socket and HTTP surface shared by server and client (DESIGN, "Wire and HTTP surface").
 * Socket events: the client emits `command` (a ClientCommand, with an ack) and `resync` (with an
 * ack carrying a ViewMessage); the server emits `view` and `presence`.
 */

export const SOCKET_EVENTS = { command: 'command', resync: 'resync', view: 'view', presence: 'presence' } as const;

/** Errors the transport adds to the engine's own. */
export type WireErrorCode = StepErrorCode | 'rate-limited' | 'too-large' | 'unauthorized' | 'internal' | 'duplicate';

export type CommandAck = { ok: true; seq: number } | { ok: false; error: { code: WireErrorCode; message: string } };

export interface ViewMessage {
  seq: number;
  view: View;
}

export interface Presence {
  /** Player ids with at least one socket open, and whether the facilitator is connected. */
  connected: string[];
  facilitator: boolean;
  observers: number;
}

/** What the client puts in the Socket.IO handshake's `auth`. */
export const handshakeAuthSchema = z.union([
  z.strictObject({ token: z.string().min(16).max(200) }),
  z.strictObject({ observe: z.string().min(4).max(16) }),
]);
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

export const createSessionRequestSchema = z.strictObject({
  scenarioId: z.string().min(1).max(100),
  seed: z.string().min(1).max(100).optional(),
  team: z.string().trim().min(1).max(100).optional(),
});
export type CreateSessionRequest = z.infer<typeof createSessionRequestSchema>;

export interface CreateSessionResponse {
  sessionId: string;
  joinCode: string;
  facilitatorToken: string;
}

export const joinRequestSchema = z.strictObject({
  joinCode: z.string().trim().min(4).max(16),
  name: z.string().trim().min(1).max(40),
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;

export interface JoinResponse {
  sessionId: string;
  playerId: string;
  playerToken: string;
}

/** One scenario as `GET /api/scenarios` lists it. */
export interface ScenarioSummary {
  id: string;
  file: string;
  title: string | null;
  summary: string | null;
  difficulty: string | null;
  duration: number | null;
  services: string[];
  roles: { id: string; name: string }[];
  valid: boolean;
  diagnostics: { file: string; line: number; col: number; code: string; severity: 'error' | 'warning'; message: string; path: string }[];
}

export interface ApiError {
  error: { code: string; message: string };
}
