import { z } from 'zod';
import { evaluatorIdSchema, playerIdSchema, type EvaluatorId, type PlayerId } from './ids.ts';

/** Who sent a command. The server decides this from the socket's token, never from the payload. */
export type Actor =
  | { kind: 'facilitator' }
  | { kind: 'player'; playerId: PlayerId }
  | { kind: 'evaluator'; evaluatorId: EvaluatorId }
  | { kind: 'system' };

export const actorSchema: z.ZodType<Actor> = z.union([
  z.strictObject({ kind: z.literal('facilitator') }),
  z.strictObject({ kind: z.literal('player'), playerId: playerIdSchema }),
  z.strictObject({ kind: z.literal('evaluator'), evaluatorId: evaluatorIdSchema }),
  z.strictObject({ kind: z.literal('system') }),
]);

/** Where a logged command stands in its session's log: everything of it but the command itself. */
export interface LogStamp {
  readonly seq: number;
  /** The wall-clock ms the server stamped. */
  readonly at: number;
  readonly actor: Actor;
}
