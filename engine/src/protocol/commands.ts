import { z } from 'zod';
import { COMMAND_DEFINITIONS } from '../session/commands/index.ts';
import type { Sender } from '../session/command-definition.ts';
import { actorSchema, type LogStamp } from './actor.ts';

/**
 * Every command a session accepts, one schema per message with named fields. The wire form is
 * `{ id, type, ...payload }`; `id` is the sender's command id, so a retried command is applied once.
 * Each schema is declared with its command's definition (`session/commands/`); this file gathers them.
 */

type Definition = (typeof COMMAND_DEFINITIONS)[number];
type SchemaOf<D> = D extends { schema: infer S } ? S : never;
type SchemasFrom<S extends Sender> = SchemaOf<Extract<Definition, { senders: S }>>;

const schemasFrom = <S extends Sender>(sender: S) =>
  COMMAND_DEFINITIONS.filter((definition) => definition.senders === sender).map(
    (definition) => definition.schema,
  ) as SchemasFrom<S>[];

export const facilitatorCommands = schemasFrom('facilitator');
export const playerCommands = schemasFrom('player');
/** Commands either side may send: the engine decides per role whether this sender may. */
export const sharedCommands = schemasFrom('either');
/** Commands only an evaluator sends: they write the exercise's record and never touch the game. */
export const evaluatorCommands = schemasFrom('evaluator');
/** Written by the server itself, never accepted from a socket. */
export const systemCommands = schemasFrom('system');

type ClientSchema = SchemasFrom<'facilitator' | 'player' | 'either' | 'evaluator'>;
export const clientCommandSchema = z.discriminatedUnion('type', [
  ...facilitatorCommands,
  ...playerCommands,
  ...sharedCommands,
  ...evaluatorCommands,
] as [ClientSchema, ...ClientSchema[]]);
export type ClientCommand = z.infer<typeof clientCommandSchema>;
/** A client command before parsing: ids are plain strings until the schema brands them. */
export type ClientCommandInput = z.input<typeof clientCommandSchema>;

type AnySchema = SchemaOf<Definition>;
export const commandSchema = z.discriminatedUnion(
  'type',
  COMMAND_DEFINITIONS.map((definition) => definition.schema) as [AnySchema, ...AnySchema[]],
);
export type Command = z.infer<typeof commandSchema>;
export type CommandInput = z.input<typeof commandSchema>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

export { actorSchema, type Actor } from './actor.ts';

/** One accepted command as the event log keeps it: `at` is the wall-clock ms the server stamped. */
export interface LoggedCommand extends LogStamp {
  readonly command: Command;
}

export const loggedCommandSchema = z.strictObject({
  seq: z.number().int().min(1),
  at: z.number().int().min(0),
  actor: actorSchema,
  command: commandSchema,
});
