import { z } from 'zod';
import { HEALTH, id, MARKABLE_MILESTONES, text } from './schema-atoms.ts';

const counterValues = z.record(id, z.number().int().min(-1_000_000).max(1_000_000));

/** What a choice, a check branch, a 1.1 inject or a deadline does to the world. */
export const effectFields = {
  set: z.array(id).max(50).optional(),
  clear: z.array(id).max(50).optional(),
  health: z.record(id, z.enum(HEALTH)).optional(),
  milestone: z.enum(MARKABLE_MILESTONES).optional(),
  narration: text.optional(),
  /** 1.1: adds to counters (a negative number takes away): `add: { turn: 1, budget: -1 }`. */
  add: counterValues.optional(),
  /** 1.1: sets counters to values: `assign: { turn: 0 }`. */
  assign: counterValues.optional(),
  /** 1.1: shows these roles' secrets to everyone at the table. */
  reveal_secrets: z.array(id).min(1).max(20).optional(),
  /** 1.1: draws the next card of this deck (seeded, without replacement) and applies what it does. */
  draw: id.optional(),
};

export const effectSchema = z.strictObject(effectFields);
export type Effect = z.infer<typeof effectSchema>;
