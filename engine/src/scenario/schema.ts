import { z } from 'zod';
import { telemetrySchema } from './telemetry-schema.ts';
import { exerciseScenarioFields } from '../exercise/objectives-schema.ts';

/**
 * Scenario format v1. This schema is the source of truth: the TypeScript types, the runtime
 * validation and `scenarios/schema.json` (for editors) all come from it.
 */

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'an id is lower-case letters, digits, "-" or "_", starting with a letter');
const text = z.string().min(1).max(4000);
const minutes = z.number().int().min(-10_000).max(10_000);
const duration = z.number().int().min(0).max(10_000);

export const MILESTONES = ['detected', 'acknowledged', 'mitigated', 'resolved'] as const;
export type Milestone = (typeof MILESTONES)[number];
/** Milestones a scene, an outcome or the facilitator can mark; `acknowledged` comes only from a page. */
export const MARKABLE_MILESTONES = ['detected', 'mitigated', 'resolved'] as const;
export type MarkableMilestone = (typeof MARKABLE_MILESTONES)[number];

export const OUTCOMES = ['success', 'partial', 'failure'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const HEALTH = ['ok', 'degraded', 'down'] as const;
export type Health = (typeof HEALTH)[number];

export const DETECTION_SOURCES = ['team', 'monitoring', 'customer', 'facilitator'] as const;
export type DetectionSource = (typeof DETECTION_SOURCES)[number];

export type Condition =
  | { flag: string }
  | { not: Condition }
  | { all: Condition[] }
  | { any: Condition[] }
  | { visited: string }
  | { time_at_least: number }
  | { role_present: string };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ flag: id }),
    z.strictObject({ not: conditionSchema }),
    z.strictObject({ all: z.array(conditionSchema).min(1).max(50) }),
    z.strictObject({ any: z.array(conditionSchema).min(1).max(50) }),
    z.strictObject({ visited: id }),
    z.strictObject({ time_at_least: minutes }),
    z.strictObject({ role_present: id }),
  ]),
);

/** What a choice or a check branch does to the world. */
const effectFields = {
  set: z.array(id).max(50).optional(),
  clear: z.array(id).max(50).optional(),
  health: z.record(id, z.enum(HEALTH)).optional(),
  milestone: z.enum(MARKABLE_MILESTONES).optional(),
  narration: text.optional(),
};

export const branchSchema = z.strictObject({
  ...effectFields,
  takes: duration.optional(),
  goto: id.optional(),
});
export type Branch = z.infer<typeof branchSchema>;

export const modifierSchema = z.strictObject({
  add: z.number().int().min(-100).max(100),
  role: id.optional(),
  when: conditionSchema.optional(),
  label: z.string().max(200).optional(),
});

export const DICE = ['d4', 'd6', 'd8', 'd10', 'd12', 'd20', '2d6', '3d6', 'd100'] as const;
export type Dice = (typeof DICE)[number];

export const checkSchema = z.strictObject({
  dice: z.enum(DICE),
  target: z.number().int().min(1).max(200),
  modifiers: z.array(modifierSchema).max(20).optional(),
  success: branchSchema,
  failure: branchSchema,
});
export type Check = z.infer<typeof checkSchema>;

export const choiceSchema = z.strictObject({
  id,
  label: z.string().min(1).max(200),
  takes: duration.default(0),
  when: conditionSchema.optional(),
  ...effectFields,
  goto: id.optional(),
  check: checkSchema.optional(),
});
export type Choice = z.infer<typeof choiceSchema>;

export const injectSchema = z.strictObject({
  id,
  /** Game minute at which it fires by itself; without it the facilitator reveals it. */
  at: minutes.optional(),
  to: z.array(id).min(1).max(20).optional(),
  page: z.boolean().default(false),
  text,
  facilitator_notes: text.optional(),
});
export type Inject = z.infer<typeof injectSchema>;

export const sceneSchema = z.strictObject({
  id,
  title: z.string().min(1).max(200).optional(),
  narration: text,
  facilitator_notes: text.optional(),
  milestone: z.enum(MARKABLE_MILESTONES).optional(),
  detected_by: z.enum(['monitoring', 'customer', 'team']).optional(),
  health: z.record(id, z.enum(HEALTH)).optional(),
  injects: z.array(injectSchema).max(50).optional(),
  choices: z.array(choiceSchema).max(30).optional(),
});
export type Scene = z.infer<typeof sceneSchema>;

export const endingSchema = z.strictObject({
  id,
  title: z.string().min(1).max(200).optional(),
  outcome: z.enum(OUTCOMES),
  milestone: z.enum(MARKABLE_MILESTONES).optional(),
  when: conditionSchema.optional(),
  narration: text.optional(),
  debrief: z.union([text, z.array(text).min(1).max(20)]).optional(),
});
export type Ending = z.infer<typeof endingSchema>;

export const roleSchema = z.strictObject({
  id,
  name: z.string().min(1).max(100),
  brief: text,
  secrets: z.array(text).max(20).optional(),
  /** The role may apply a choice itself, as the facilitator does (an incident commander, say). */
  can_apply_choices: z.boolean().default(false),
});
export type Role = z.infer<typeof roleSchema>;

export const componentSchema = z.strictObject({
  id,
  name: z.string().min(1).max(100),
  kind: z.enum(['service', 'database', 'queue', 'cache', 'network', 'external', 'storage', 'client']).optional(),
  depends_on: z.array(id).max(30).optional(),
  health: z.enum(HEALTH).default('ok'),
});
export type Component = z.infer<typeof componentSchema>;

export const escalationSchema = z.strictObject({
  level: z.number().int().min(1).max(20),
  who: z.string().min(1).max(200),
  after: duration,
  contact: z.string().max(200).optional(),
});
export type EscalationStep = z.infer<typeof escalationSchema>;

const clockLabel = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a clock start is "HH:MM", for example "02:00"');

export const scenarioSchema = z.strictObject({
  format: z.literal('chaos-quest/1'),
  id,
  title: z.string().min(1).max(200),
  summary: z.string().min(1).max(1000),
  difficulty: z.enum(['intro', 'medium', 'hard']),
  duration: z.number().int().min(5).max(600),
  services: z.array(id).min(1).max(30),
  tags: z.array(z.string().max(50)).max(20).optional(),
  clock: z.strictObject({ start: clockLabel, timebox: z.number().int().min(1).max(10_000) }),
  roles: z.array(roleSchema).min(1).max(20),
  system: z.strictObject({ components: z.array(componentSchema).min(1).max(60) }),
  escalation: z.array(escalationSchema).max(20),
  fault: z.strictObject({
    starts_at: minutes,
    /** When users first feel it, if later than the onset (a slow fault shows in the metrics first): the debrief marks it. */
    impact_at: minutes.optional(),
    affects: z.array(id).min(1).max(30),
    summary: text,
  }),
  flags: z.array(id).max(100).default([]),
  injects: z.array(injectSchema).max(100).optional(),
  start: id,
  scenes: z.array(sceneSchema).min(1).max(200),
  endings: z.array(endingSchema).min(1).max(30),
  telemetry: telemetrySchema.optional(),
  ...exerciseScenarioFields,
});
/** A validated scenario, defaults applied. */
export type Scenario = z.output<typeof scenarioSchema>;
