import { z } from 'zod';

/**
 * The `tests` block of a scenario (or the `tests` of a `NAME.tests.yaml` beside it): scripted paths
 * written as an author thinks of play (choose this, roll that, let the clock run) and what each must
 * reach. `chaos-quest test` plays them through the real engine (engine/src/playtest).
 */

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'an id is lower-case letters, digits, "-" or "_", starting with a letter');

/** Milestones a test can expect: what the table marks, and `acknowledged` from a page. */
export const EXPECTABLE_MILESTONES = ['detected', 'acknowledged', 'mitigated', 'resolved'] as const;

export const expectationSchema = z.strictObject({
  ending: id.optional(),
  outcome: z.enum(['success', 'partial', 'failure']).optional(),
  /** Exactly these of detected, acknowledged, mitigated and resolved are reached, no more. */
  milestones: z.array(z.enum(EXPECTABLE_MILESTONES)).max(4).optional(),
  /** Each named flag has this value. */
  flags: z.record(id, z.boolean()).optional(),
  /** The party is in this scene (the game still runs). */
  scene: id.optional(),
  /** The game clock reads at least / at most this many minutes. */
  clock_at_least: z.number().int().min(0).max(100_000).optional(),
  clock_at_most: z.number().int().min(0).max(100_000).optional(),
});
export type Expectation = z.infer<typeof expectationSchema>;

const die = z.number().int().min(1).max(100);

/** One thing the table does. `by` names the role of the player who does it; else the facilitator. */
export const testStepSchema = z.union([
  /** Apply a choice; `roll` is the die's natural result, as a physical roll entered at the table. */
  z.strictObject({ choose: id, roll: die.optional(), by: id.optional() }),
  z.strictObject({ advance: z.number().int().min(1).max(600) }),
  z.strictObject({ reveal: id }),
  z.strictObject({ ack: id, by: id }),
  z.strictObject({ declare: z.enum(['incident', 'mitigated', 'resolved']), by: id }),
  /** The facilitator confirms the declaration of this kind that waits for them (made by a role other than the commander). */
  z.strictObject({ confirm: z.enum(['incident', 'mitigated', 'resolved']) }),
  z.strictObject({ mark: z.enum(['detected', 'mitigated', 'resolved']) }),
  z.strictObject({ goto: id }),
  /** Sets or clears flags as a facilitator improvising would: a test's "given", not a command. */
  z.strictObject({ set: z.array(id).min(1).max(50) }),
  z.strictObject({ clear: z.array(id).min(1).max(50) }),
  /** Checks the state at this point of the path. */
  z.strictObject({ expect: expectationSchema }),
]);
export type TestStep = z.infer<typeof testStepSchema>;

export const scenarioTestSchema = z.strictObject({
  name: z.string().min(1).max(200),
  /** The session seed; dice without a `roll` are thrown from it. */
  seed: z.string().min(1).max(200).optional(),
  /** Roles seated at the table, one player each; every role when left out. */
  seats: z.array(id).max(20).optional(),
  /** The session parameters (format 1.1) the test's session is created with, as a facilitator picks them. */
  parameters: z.record(id, z.string().min(1).max(100)).optional(),
  steps: z.array(testStepSchema).max(500),
  expect: expectationSchema,
});
export type ScenarioTest = z.infer<typeof scenarioTestSchema>;

export const testsSchema = z.array(scenarioTestSchema).max(100);

/** A `NAME.tests.yaml` file beside a scenario: only tests. */
export const testsFileSchema = z.strictObject({ tests: testsSchema });
