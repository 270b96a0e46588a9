import { z } from 'zod';
import { duration, id, MILESTONES, minutes, type Milestone } from './schema-atoms.ts';

export const DEADLINE_STATES = ['running', 'met', 'missed'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/** A counter compared with bounds (format 1.1): `{ counter: turn, at_least: 10 }`. */
export interface CounterCondition {
  counter: string;
  at_least?: number | undefined;
  at_most?: number | undefined;
}

export type Condition =
  | { flag: string }
  | { not: Condition }
  | { all: Condition[] }
  | { any: Condition[] }
  | { visited: string }
  | { time_at_least: number }
  | { role_present: string }
  | CounterCondition
  | { milestone: Milestone }
  | { minutes_since: string; at_least: number }
  | { deadline: string; is: DeadlineState }
  | { parameter: string; is: string };

const bound = z.number().int().min(-1_000_000).max(1_000_000);

/** The condition kinds format 1.1 adds, by their key: version checks and docs list them from here. */
export const CONDITIONS_1_1 = ['counter', 'milestone', 'minutes_since', 'deadline', 'parameter'] as const;

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ flag: id }),
    z.strictObject({ not: conditionSchema }),
    z.strictObject({ all: z.array(conditionSchema).min(1).max(50) }),
    z.strictObject({ any: z.array(conditionSchema).min(1).max(50) }),
    z.strictObject({ visited: id }),
    z.strictObject({ time_at_least: minutes }),
    z.strictObject({ role_present: id }),
    z.strictObject({ counter: id, at_least: bound.optional(), at_most: bound.optional() }),
    z.strictObject({ milestone: z.enum(MILESTONES) }),
    z.strictObject({ minutes_since: id, at_least: duration }),
    z.strictObject({ deadline: id, is: z.enum(DEADLINE_STATES) }),
    z.strictObject({ parameter: id, is: id }),
  ]),
);
