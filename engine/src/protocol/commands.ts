import { z } from 'zod';
import { MARKABLE_MILESTONES, OUTCOMES, DETECTION_SOURCES, DICE } from '../scenario/schema.ts';

/**
 * Every command a session accepts, one schema per message with named fields. The wire form is
 * `{ id, type, ...payload }`; `id` is the sender's command id, so a retried command is applied once.
 */

const commandId = z.string().min(1).max(64);
const refId = z.string().min(1).max(64);
const userText = (max: number) => z.string().trim().min(1).max(max);

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ id: commandId, type: z.literal(type), ...shape });

export const facilitatorCommands = [
  cmd('session.brief', {}),
  cmd('session.start', {}),
  cmd('session.pause', {}),
  cmd('session.resume', {}),
  cmd('session.end', { outcome: z.enum(OUTCOMES), note: userText(2000).optional() }),
  cmd('session.close', {}),
  cmd('clock.advance', { minutes: z.number().int().min(1).max(600) }),
  /** Paced mode: the server ticks the game clock by one minute every `secondsPerMinute`; null stops it. */
  cmd('clock.pace', { secondsPerMinute: z.number().int().min(1).max(600).nullable() }),
  cmd('inject.reveal', { injectId: refId }),
  cmd('inject.improvise', {
    text: userText(2000),
    to: z.array(refId).min(1).max(20).optional(),
    page: z.boolean().optional(),
  }),
  cmd('scene.goto', { sceneId: refId }),
  cmd('milestone.mark', { milestone: z.enum(MARKABLE_MILESTONES), source: z.enum(DETECTION_SOURCES).optional() }),
  cmd('declaration.confirm', { declarationId: refId }),
  cmd('coach', { playerId: refId, text: userText(2000) }),
  cmd('dice.roll', { dice: z.enum(DICE), label: userText(200), physical: z.number().int().min(1).max(100).optional() }),
  cmd('player.assign', { playerId: refId, role: refId.nullable() }),
  cmd('player.remove', { playerId: refId }),
  /** Turns down a player's request for another role (granting it is `player.assign`). */
  cmd('role.decline', { playerId: refId }),
] as const;

export const playerCommands = [
  /** In the lobby: sit in a role. Its secrets reach the player once the facilitator briefs the table. */
  cmd('role.take', { role: refId }),
  /** From the briefing on, a role changes only by the facilitator's hand: this asks for one. */
  cmd('role.request', { role: refId }),
  cmd('action.propose', { text: userText(500) }),
  cmd('choice.vote', { choiceId: refId.nullable() }),
  cmd('incident.declare', { kind: z.enum(['incident', 'mitigated', 'resolved']), note: userText(500).optional() }),
  cmd('hand.raise', { raised: z.boolean() }),
  cmd('inject.ack', { key: refId }),
] as const;

/** Commands either side may send: the engine decides per role whether this sender may. */
export const sharedCommands = [
  /** A facilitator, or a role the scenario lets apply choices. `physical` is a dice result rolled at the table. */
  cmd('choice.apply', { choiceId: refId, physical: z.number().int().min(1).max(100).optional() }),
  cmd('timeline.post', { text: userText(1000) }),
  cmd('action-item.add', { text: userText(500), owner: userText(100).optional() }),
] as const;

/** Written by the server itself, never accepted from a socket. */
export const systemCommands = [
  cmd('player.join', { playerId: refId, name: userText(40) }),
  cmd('clock.tick', {}),
] as const;

export const clientCommandSchema = z.discriminatedUnion('type', [...facilitatorCommands, ...playerCommands, ...sharedCommands]);
export type ClientCommand = z.infer<typeof clientCommandSchema>;

export const commandSchema = z.discriminatedUnion('type', [
  ...facilitatorCommands,
  ...playerCommands,
  ...sharedCommands,
  ...systemCommands,
]);
export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

export const FACILITATOR_ONLY: ReadonlySet<CommandType> = new Set(facilitatorCommands.map((s) => s.shape.type.value));
export const PLAYER_ONLY: ReadonlySet<CommandType> = new Set(playerCommands.map((s) => s.shape.type.value));
export const SYSTEM_ONLY: ReadonlySet<CommandType> = new Set(systemCommands.map((s) => s.shape.type.value));

/** Who sent a command. The server decides this from the socket's token, never from the payload. */
export type Actor =
  | { kind: 'facilitator' }
  | { kind: 'player'; playerId: string }
  | { kind: 'system' };

export const actorSchema: z.ZodType<Actor> = z.union([
  z.strictObject({ kind: z.literal('facilitator') }),
  z.strictObject({ kind: z.literal('player'), playerId: refId }),
  z.strictObject({ kind: z.literal('system') }),
]);

/** One accepted command as the event log keeps it: `at` is the wall-clock ms the server stamped. */
export interface LoggedCommand {
  readonly seq: number;
  readonly at: number;
  readonly actor: Actor;
  readonly command: Command;
}

export const loggedCommandSchema = z.strictObject({
  seq: z.number().int().min(1),
  at: z.number().int().min(0),
  actor: actorSchema,
  command: commandSchema,
});
