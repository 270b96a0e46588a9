import { z } from 'zod';
import type { StepErrorCode } from '../session/errors.ts';
import type { PlayerId, SessionId } from './ids.ts';
import type { PlayerMe, Projection } from '../views/view.ts';
import type { TimelineEntry } from '../session/state.ts';
import type { TelemetryPoints } from '../telemetry/points.ts';
import { DISPLAY_NAME_MAX, displayName } from './display-name.ts';
import { exerciseCreateFields } from '../exercise/exercise-wire.ts';
import type { ViewPatch } from './patch.ts';

/**
 * The socket and HTTP surface shared by server and client (DESIGN, "Wire and HTTP surface").
 * Socket events: the client emits `command` (a ClientCommand, with an ack), `resync` (its view comes
 * as a `view` message, then a ResyncAck) and `history` (older timeline entries); the server emits
 * `view`, `patch`, `me` (to players) and `presence` (to the facilitator).
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

export { SOCKET_EVENTS } from './socket-events.ts';

/**
 * What a resync answers. The view itself arrives just before, as a `view` message (with a player's
 * `me` before that), so that the server sends the one encoding of that view it already has.
 */
export type ResyncAck = { ok: true; seq: number } | { ok: false; error: { code: WireErrorCode; message: string } };

/** `history`: the timeline entries before the view's window, `[end - limit, end)` of what the viewer may see. */
export const historyRequestSchema = z.strictObject({
  end: z.number().int().min(0).max(1_000_000),
  limit: z.number().int().min(1).max(100),
});
export type HistoryRequest = z.infer<typeof historyRequestSchema>;

/** `telemetry`: every metric's points from game minute `from` up to the current one (never later). */
export const telemetryRequestSchema = z.strictObject({ from: z.number().int().min(-100_000).max(100_000) });

/** null `telemetry`: the scenario has none. */
export type TelemetryAck =
  { ok: true; telemetry: TelemetryPoints | null } | { ok: false; error: { code: WireErrorCode; message: string } };

export type HistoryAck =
  { ok: true; entries: TimelineEntry[] } | { ok: false; error: { code: WireErrorCode; message: string } };

/** Errors the transport adds to the engine's own. */
export type WireErrorCode = StepErrorCode | 'rate-limited' | 'too-large' | 'unauthorized' | 'internal' | 'id-reused';

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
// `seq` is the seq of the view the client already holds (on a reconnect): one the server's log has
// not reached means acknowledged commands were lost, which the server logs.
const heldSeq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional();
export const handshakeAuthSchema = z.union([
  z.strictObject({ token: z.string().min(16).max(200), seq: heldSeq }),
  z.strictObject({ observe: z.string().min(4).max(16), seq: heldSeq }),
]);
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

/**
 * A name typed by a person, cleaned by `displayName` (the parsed value is the clean name) and
 * refused with its message. The raw text may be longer than `max`, since invisible characters go,
 * but not without bound.
 */
const typedName = (max: number) =>
  z
    .string()
    .max(max * 5)
    .transform((typed, ctx) => {
      const result = displayName(typed, max);
      if (result.ok) return result.name;
      ctx.issues.push({ code: 'custom', message: result.message, input: typed });
      return z.NEVER;
    });

export const createSessionRequestSchema = z.strictObject({
  scenarioId: z.string().min(1).max(100),
  seed: z.string().min(1).max(100).optional(),
  team: typedName(100).optional(),
  /** The alerts the team gets; the facilitator can still change it in the lobby. Default: fixed rules only. */
  monitoring: z.enum(['thresholds', 'thresholds+baseline']).optional(),
  /** For an exercise: the plan under test, and objectives beside the scenario's own (issue 13). */
  ...exerciseCreateFields,
  /** Format 1.1: the scenario's session parameters, each a declared option; unset ones take their first. */
  parameters: z.record(z.string().min(1).max(100), z.string().min(1).max(100)).optional(),
});
export type CreateSessionRequest = z.infer<typeof createSessionRequestSchema>;

export interface CreateSessionResponse {
  sessionId: SessionId;
  joinCode: string;
  facilitatorToken: string;
}

export const joinRequestSchema = z.strictObject({
  joinCode: z.string().trim().min(4).max(16),
  name: typedName(DISPLAY_NAME_MAX),
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;

export interface JoinResponse {
  sessionId: SessionId;
  playerId: PlayerId;
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
  /** Whether the scenario has telemetry: dashboards, alert rules, and a choice of monitoring. */
  telemetry: boolean;
  roles: { id: string; name: string }[];
  /**
   * Format 1.1: the variants the facilitator picks at creation; each option list's first is the default,
   * except for a parameter a deal holds (`dealt`), which is dealt at random from the seed unless picked.
   */
  parameters?: { id: string; label: string; options: string[]; dealt?: true }[];
  valid: boolean;
  diagnostics: {
    file: string;
    line: number;
    col: number;
    code: string;
    severity: 'error' | 'warning' | 'info';
    message: string;
    path: string;
  }[];
}

export interface ApiError {
  error: { code: string; message: string };
}

/** What `POST /api/real-incidents` did with an upload: rows that became new incidents, were already stored, or were refused and why. */
export interface ImportSummary {
  format: string;
  label: string;
  added: number;
  alreadyImported: number;
  rejectedCount: number;
  rejected: { row: number; reason: string }[];
}

/** `POST /api/evaluate`: an evaluator takes a seat with the facilitator's evaluator code (issue 13). */
export const evaluatorJoinRequestSchema = z.strictObject({
  code: z.string().trim().min(8).max(64),
  name: typedName(DISPLAY_NAME_MAX),
});
export type EvaluatorJoinRequest = z.infer<typeof evaluatorJoinRequestSchema>;
