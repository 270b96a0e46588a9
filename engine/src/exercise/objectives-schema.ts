import { z } from 'zod';

/**
 * What an exercise sets out to show (HSEEP's exercise objectives), in a scenario or added by the
 * facilitator when a session is created: each objective names the capability it exercises and the
 * critical tasks that show it. A task may carry a check the engine answers from the game's own
 * events (a flag set, a milestone reached before a game minute); the rest are judged by evaluators.
 */

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'an id is lower-case letters, digits, "-" or "_", starting with a letter');
const title = z.string().trim().min(1).max(200);

export const TASK_MILESTONES = ['detected', 'acknowledged', 'mitigated', 'resolved'] as const;

export const taskCheckSchema = z.union([
  z.strictObject({ flag: id }),
  z.strictObject({
    milestone: z.enum(TASK_MILESTONES),
    /** The game minute it must be reached by (inclusive); without it, reaching it at all is enough. */
    before: z.number().int().min(-10_000).max(10_000).optional(),
  }),
]);
export type TaskCheck = z.infer<typeof taskCheckSchema>;

export const criticalTaskSchema = z.strictObject({
  id,
  text: title,
  check: taskCheckSchema.optional(),
});
export type CriticalTask = z.infer<typeof criticalTaskSchema>;

/**
 * A compliance control an exercise covers, as `framework:reference`: `pci-12.10.1:business-recovery`,
 * `soc2:CC7.4`, `iso27001:A.5.26`, `hipaa:164.308(a)(7)(ii)(D)`, `nist-csf:ID.IM-02`. The linter
 * knows the frameworks (see controls.ts); the schema only keeps the shape.
 */
export const controlTagSchema = z
  .string()
  .max(80)
  .regex(
    /^[a-z][a-z0-9.-]*:[A-Za-z0-9][A-Za-z0-9.()_-]*$/,
    'a control tag is "framework:reference", for example "soc2:CC7.4" or "pci-12.10.1:business-recovery"',
  );

export const objectiveSchema = z.strictObject({
  id,
  title,
  /** The capability it exercises, in the team's own words or a core capability's name ("Operational communications"). */
  capability: title,
  critical_tasks: z.array(criticalTaskSchema).min(1).max(20),
  controls: z.array(controlTagSchema).max(20).optional(),
});
export type Objective = z.infer<typeof objectiveSchema>;

/** The scenario keys this module adds; both optional, so every older scenario still reads. */
export const exerciseScenarioFields = {
  objectives: z.array(objectiveSchema).max(20).optional(),
  /** Controls the whole scenario covers, beside those of each objective. */
  controls: z.array(controlTagSchema).max(40).optional(),
};
