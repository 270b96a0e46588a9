import { z } from 'zod';
import { conditionSchema } from './condition-schema.ts';
import { effectSchema } from './effect-schema.ts';
import { duration, id, text } from './schema-atoms.ts';

/** Format 1.1's own parts of a scenario: cooldowns, deadlines, modules and session parameters. */

export const cooldownSchema = z.strictObject({
  /** What starts it: a failed check (the default), or taking the choice at all. */
  after: z.enum(['failure', 'any']).default('failure'),
  /** Closed until this many other choices have been applied (turns)... */
  choices: z.number().int().min(1).max(100).optional(),
  /** ...or until this many game minutes have passed. */
  minutes: duration.optional(),
});
export type Cooldown = z.output<typeof cooldownSchema>;

export const deadlineSchema = z.strictObject({
  id,
  title: z.string().min(1).max(200),
  /** The deadline starts running the first time this holds: `{ milestone: detected }`, a flag. */
  from: conditionSchema,
  /** Game minutes it runs for (72 hours is 4320). */
  minutes: z.number().int().min(1).max(100_000),
  /** Met the first time this holds while it runs. */
  met_when: conditionSchema,
  met: effectSchema.optional(),
  missed: effectSchema.optional(),
});
export type Deadline = z.infer<typeof deadlineSchema>;

export const moduleSchema = z.strictObject({
  id,
  title: z.string().min(1).max(200),
  /** The scenes it holds; entering one of them enters the module. */
  scenes: z.array(id).min(1).max(100),
  /** Wall-clock minutes the facilitator plans to spend on it. */
  budget: z.number().int().min(1).max(600).optional(),
  /** Discussion questions for the facilitator, shown in the console while the module runs. */
  questions: z.array(text).max(20).optional(),
});

export const parameterSchema = z.strictObject({
  id,
  label: z.string().min(1).max(200),
  /** The values it may take, each an id; the first is the default. */
  options: z.array(id).min(2).max(20),
});
export type Parameter = z.infer<typeof parameterSchema>;
