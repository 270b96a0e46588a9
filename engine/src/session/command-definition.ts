import type { z } from 'zod';
import { commandShape } from '../protocol/command-fields.ts';
import type { GameEvent } from '../compile/compile.ts';
import type { Game } from '../compile/game.ts';
import type { Draft } from './draft.ts';
import type { StepError } from './errors.ts';
import type { Phase, Player } from './state.ts';

/**
 * Who may send a command: the facilitator only, a seated player only, either of them (the engine may
 * still refuse per role, see `authorize`), an evaluator only, or the server itself (never accepted
 * from a socket).
 */
export type Sender = 'facilitator' | 'player' | 'either' | 'evaluator' | 'system';

/** A handler's answer: nothing when the command was applied, or why it was refused. */
export type HandlerResult = StepError | void;

/**
 * Everything about one command in one record: its wire schema, who may send it, in which phases it
 * makes sense, and its handler, which receives exactly this command. The tables `step` and the
 * protocol use are derived from these records (see `session/commands/index.ts`).
 */
export interface CommandDefinition<T extends string, C> {
  readonly type: T;
  readonly schema: z.ZodType<C>;
  readonly senders: Sender;
  /**
   * When the command makes sense. A command that drives the machine names its `event`, and the
   * machine says whether it would take it now (`snapshot.can`); any other command lists its phases,
   * since the machine never sees it. Each definition has exactly one of the two.
   */
  readonly phases?: readonly Phase[];
  readonly event?: (command: C) => GameEvent;
  /** A player watching as audience may send it too (by default they may not: they are not at the table). */
  readonly audience?: boolean;
  /** A further check for `either` commands: may this seated player send it? Null when they may. */
  readonly authorize?: (game: Game, player: Player) => StepError | null;
  /** Applies the command to the draft, or returns why not; the draft is then dropped. */
  readonly handle: (draft: Draft, command: C) => HandlerResult;
}

type WireSchema<T extends string, P extends z.ZodRawShape> = ReturnType<typeof commandShape<T, P>>;

/**
 * One command's record, its wire schema built from `payload` as `{ id, type, ...payload }`. The
 * handler's command type is inferred from that schema, so a handler can only read its own fields.
 */
export function defineCommand<T extends string, P extends z.ZodRawShape, S extends Sender>(
  type: T,
  record: Omit<CommandDefinition<T, z.infer<WireSchema<T, P>>>, 'type' | 'schema' | 'senders'> & {
    payload: P;
    senders: S;
  },
): CommandDefinition<T, z.infer<WireSchema<T, P>>> & { readonly schema: WireSchema<T, P>; readonly senders: S } {
  const { payload, ...rest } = record;
  return { type, schema: commandShape(type, payload), ...rest };
}

export const LIVE: readonly Phase[] = ['running', 'paused'];
export const NOT_ENDED: readonly Phase[] = ['lobby', 'briefing', 'running', 'paused', 'debrief'];
export const BEFORE_DEBRIEF: readonly Phase[] = ['lobby', 'briefing', 'running', 'paused'];
