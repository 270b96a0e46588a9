import { z } from 'zod';
import type { StepErrorCode } from '../session/errors.ts';
import type { PlayerMe, Projection } from '../views/view.ts';
import type { ViewPatch } from './patch.ts';

/**
 * The socket and HTTP surface shared by server and client (DESIGN, "Wire and HTTP surface").
 * Socket events: the client emits `command` (a ClientCommand, with an ack) and `resync` (with an
 * ack carrying a ViewMessage); the server emits `view`, `me` (to players) and `presence`.
 *
 * A player's whole view (`PlayerView`) comes in two messages, so that the server projects and
 * encodes what every player of one role sees once per role rather than once per player:
 * - the role's shared projection (`viewer: 'player'`, no `me`): whole in a `view` message on
 *   connect and on resync (the ack), then after every accepted command a `patch` against the one
 *   before (`base`), or a whole `view` when a patch will not do (the first for a new audience, a
 *   player whose role changed). Its `seq` is the session's. A patch whose `base` is not the seq
 *   the client holds means messages were lost or the client holds another audience's view: resync.
 *   One whose `seq` is not newer than what the client holds is stale (it got a whole view first).
 * - `me` carries the player's own part (`PlayerView['me']`): on connect, on resync (just before
 *   the ack), and after a command only when it changed, so its `seq` may lag the view's.
 * The client holds the latest of each and composes `{ ...view, me }`; a `me` older than the one
 * it holds is stale. The two may arrive in either order for one `seq`. Facilitators and
 * observers get their projections the same way, without `me`.
 */

export const SOCKET_EVENTS = { command: 'command', resync: 'resync', view: 'view', patch: 'patch', me: 'me', presence: 'presence' } as const;

/** Errors the transport adds to the engine's own. */
export type WireErrorCode = StepErrorCode | 'rate-limited' | 'too-large' | 'unauthorized' | 'internal';

export type CommandAck = { ok: true; seq: number } | { ok: false; error: { code: WireErrorCode; message: string } };

/** A shared projection: the facilitator's or observers' whole view, or a role's view without `me`. */
export interface ViewMessage {
  seq: number;
  view: Projection;
}

/** The shared projection at `seq`, as a patch against the one at `base` (see ViewPatch). */
export interface PatchMessage {
  seq: number;
  base: number;
  patch: ViewPatch;
}

/** One player's own part of their view, as of `seq`. */
export interface MeMessage {
  seq: number;
  me: PlayerMe;
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
