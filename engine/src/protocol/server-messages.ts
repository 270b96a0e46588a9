import { z } from 'zod/mini';
import type { PlayerId } from './ids.ts';
import type { MeMessage, PatchMessage, Presence, ViewMessage } from './wire.ts';

/**
 * Schemas for every message the server sends, so a client parses what it receives instead of
 * trusting it: a message that does not parse is reported and answered with a resync, never
 * rendered. Built with zod/mini, which the client's bundle can afford. Objects are loose (a newer
 * server may add a field an older client ignores); every field a screen reads is checked.
 * The `satisfies` checks below keep each schema in step with the TypeScript type it guards.
 */

const int = () => z.int();
const seq = () => z.int().check(z.minimum(0));
const text = () => z.string();
const stamp = z.looseObject({ game: z.number(), wall: z.number() });
const health = z.enum(['ok', 'degraded', 'down']);
const outcome = z.enum(['success', 'partial', 'failure']);
const dice = z.string();
const audience = z.union([z.literal('all'), z.literal('facilitator'), z.looseObject({ roles: z.array(text()) })]);

const timelineEntry = z.looseObject({ seq: seq(), at: stamp, kind: text(), text: text(), by: text(), audience });
const revealedInject = z.looseObject({
  key: text(),
  injectId: z.nullable(text()),
  text: text(),
  to: z.nullable(z.array(text())),
  page: z.boolean(),
  at: stamp,
  acknowledgedBy: z.array(text()),
});
const proposal = z.looseObject({ id: text(), playerId: text(), text: text(), at: stamp, scene: text() });
const declaration = z.looseObject({
  id: text(),
  playerId: text(),
  kind: text(),
  note: z.nullable(text()),
  at: stamp,
  status: text(),
});
const decision = z.looseObject({
  seq: seq(),
  scene: text(),
  choice: text(),
  label: text(),
  by: text(),
  at: stamp,
  outcome: text(),
});
const modifier = z.looseObject({ label: text(), add: z.number() });
const roll = z.looseObject({
  seq: seq(),
  label: text(),
  choice: z.nullable(text()),
  dice,
  natural: int(),
  modifiers: z.array(modifier),
  total: z.number(),
  target: z.nullable(z.number()),
  success: z.nullable(z.boolean()),
  physical: z.boolean(),
  at: stamp,
});
const actionItem = z.looseObject({
  id: text(),
  text: text(),
  owner: z.nullable(text()),
  priority: z.optional(z.enum(['high', 'medium', 'low'])),
  by: text(),
  at: stamp,
});
const debriefNote = z.looseObject({
  id: text(),
  kind: z.enum(['went-well', 'hard', 'lucky']),
  text: text(),
  by: text(),
  at: stamp,
});
const coachNote = z.looseObject({ seq: seq(), playerId: text(), text: text(), at: stamp });
const choice = z.looseObject({
  id: text(),
  label: text(),
  takes: z.number(),
  check: z.nullable(z.looseObject({ dice, target: z.number(), modifiers: z.array(modifier) })),
  votes: int(),
});
const player = z.looseObject({
  id: text(),
  name: text(),
  role: z.nullable(text()),
  hand: z.boolean(),
  audience: z.boolean(),
  ready: z.boolean(),
});
const milestone = z.looseObject({ game: z.number(), wall: z.number(), source: text() });

const publicFields = {
  scenario: z.looseObject({
    id: text(),
    title: text(),
    summary: text(),
    difficulty: text(),
    services: z.array(text()),
    roles: z.array(z.looseObject({ id: text(), name: text(), brief: text() })),
    components: z.array(z.looseObject({ id: text(), name: text() })),
    escalation: z.array(z.looseObject({ level: z.number(), who: text(), after: z.number() })),
    faultSummary: z.nullable(text()),
  }),
  team: z.nullable(text()),
  phase: z.enum(['lobby', 'briefing', 'running', 'paused', 'debrief', 'ended']),
  autoPaused: z.boolean(),
  clock: z.looseObject({ minutes: z.number(), label: text(), timebox: z.number(), pace: z.nullable(z.number()) }),
  scene: z.nullable(z.looseObject({ id: text(), title: text(), narration: text() })),
  choices: z.array(choice),
  health: z.record(z.string(), health),
  injects: z.array(revealedInject),
  timeline: z.array(timelineEntry),
  timelineCount: int(),
  players: z.array(player),
  proposals: z.array(proposal),
  declarations: z.array(declaration),
  milestones: z.record(z.string(), milestone),
  decisions: z.array(decision),
  rolls: z.array(roll),
  ending: z.nullable(
    z.looseObject({
      id: z.nullable(text()),
      title: text(),
      outcome,
      narration: z.nullable(text()),
      debrief: z.array(text()),
    }),
  ),
  actionItems: z.array(actionItem),
  debriefNotes: z.array(debriefNote),
  map: z.looseObject({
    nodes: z.array(
      z.looseObject({
        id: text(),
        label: text(),
        kind: z.enum(['scene', 'ending']),
        visited: z.boolean(),
        current: z.boolean(),
      }),
    ),
    edges: z.array(z.looseObject({ from: text(), to: text(), label: text(), taken: z.boolean() })),
  }),
};

const roleCard = z.looseObject({
  id: text(),
  name: text(),
  brief: text(),
  secrets: z.array(text()),
  canApplyChoices: z.boolean(),
});

export const projectionSchema = z.discriminatedUnion('viewer', [
  z.looseObject({ viewer: z.literal('player'), ...publicFields }),
  z.looseObject({ viewer: z.literal('observer'), ...publicFields }),
  z.looseObject({
    viewer: z.literal('facilitator'),
    ...publicFields,
    notes: z.nullable(text()),
    scenes: z.array(z.looseObject({ id: text(), title: text() })),
    injectPlan: z.array(
      z.looseObject({ id: text(), text: text(), revealed: z.boolean(), available: z.boolean(), page: z.boolean() }),
    ),
    roles: z.array(roleCard),
    votesByPlayer: z.record(z.string(), text()),
    monitoring: z.looseObject({ mode: z.enum(['thresholds', 'thresholds+baseline']), telemetry: z.boolean() }),
    roleRequests: z.array(z.looseObject({ playerId: text(), role: text() })),
    coaching: z.array(coachNote),
    fault: z.looseObject({ startsAt: z.number(), affects: z.array(text()), summary: text() }),
    flags: z.record(z.string(), z.boolean()),
    table: z.looseObject({ locked: z.boolean(), cap: z.nullable(int()), autoPause: z.boolean() }),
    seatClaims: z.array(z.looseObject({ playerId: text(), claims: text() })),
    emptyRoles: z.array(text()),
    unheld: z.array(text()),
  }),
]);

export const viewMessageSchema = z.looseObject({ seq: seq(), view: projectionSchema });

export const patchMessageSchema = z.looseObject({
  seq: seq(),
  base: seq(),
  patch: z.looseObject({
    set: z.record(z.string(), z.unknown()),
    append: z.record(z.string(), z.array(z.unknown())),
    drop: z.optional(z.record(z.string(), seq())),
  }),
});

export const meMessageSchema = z.looseObject({
  seq: seq(),
  me: z.looseObject({
    playerId: text(),
    name: text(),
    role: z.nullable(roleCard),
    requestedRole: z.nullable(text()),
    vote: z.nullable(text()),
    hand: z.boolean(),
    coaching: z.array(coachNote),
    audience: z.boolean(),
    ready: z.boolean(),
    claims: z.nullable(text()),
  }),
});

export const presenceSchema = z.looseObject({ connected: z.array(text()), facilitator: z.boolean(), observers: int() });

/**
 * Sent to a socket whose seat moved: `moved` to the device that lost it (a console handed over, a
 * player's seat given back to them on another device), `player` to the device that now holds a
 * player's seat, with that seat's new token.
 */
export type SeatMessage = { kind: 'moved' } | { kind: 'player'; playerId: PlayerId; token: string };

export const seatMessageSchema = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('moved') }),
  z.looseObject({ kind: z.literal('player'), playerId: z.string(), token: z.string() }),
]);

// Each TypeScript type must fit its schema's output (less the loose objects' index signatures): a field
// renamed or retyped in one place fails to compile here.
type Known<O> = O extends readonly (infer E)[]
  ? Known<E>[]
  : O extends object
    ? { [K in keyof O as string extends K ? never : K]: Known<O[K]> }
    : O;
type Fits<T, S extends z.ZodMiniType> = [T] extends [Known<z.output<S>>] ? true : never;
const fits: [
  Fits<ViewMessage, typeof viewMessageSchema>,
  Fits<PatchMessage, typeof patchMessageSchema>,
  Fits<MeMessage, typeof meMessageSchema>,
  Fits<Presence, typeof presenceSchema>,
  Fits<SeatMessage, typeof seatMessageSchema>,
] = [true, true, true, true, true];
void fits;
