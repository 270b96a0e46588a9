import { z } from 'zod';
import { conditionSchema } from './condition-schema.ts';
import { effectFields } from './effect-schema.ts';
import { cooldownSchema, deadlineSchema, moduleSchema, parameterSchema } from './schema-1-1.ts';
import { duration, FORMATS, HEALTH, id, MARKABLE_MILESTONES, minutes, text } from './schema-atoms.ts';
import { telemetrySchema } from './telemetry-schema.ts';
import { exerciseScenarioFields } from '../exercise/objectives-schema.ts';
import { testsSchema } from './tests-schema.ts';
import { dealSchema, decksSchema } from './deck-schema.ts';

/**
 * Scenario format v1 and v1.1. This schema is the source of truth: the TypeScript types, the runtime
 * validation and `scenarios/schema.json` (for editors) all come from it. Format 1.1 parts live in
 * `schema-1-1.ts` and `condition-schema.ts`; `lint-version.ts` refuses them in a 1.0 file.
 */

export { conditionSchema, type Condition } from './condition-schema.ts';
export {
  HEALTH,
  MARKABLE_MILESTONES,
  MILESTONES,
  type Health,
  type MarkableMilestone,
  type Milestone,
} from './schema-atoms.ts';

export const OUTCOMES = ['success', 'partial', 'failure'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const DETECTION_SOURCES = ['team', 'monitoring', 'customer', 'facilitator'] as const;
export type DetectionSource = (typeof DETECTION_SOURCES)[number];

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
  /** 1.1: the branch a natural maximum (a 20 on a d20) takes instead of `success`. */
  critical_success: branchSchema.optional(),
  /** 1.1: the branch a natural minimum (a 1) takes instead of `failure`. */
  critical_failure: branchSchema.optional(),
  /** 1.1: a success by less than `within` over the target takes this branch: success with a complication. */
  complication: z.strictObject({ within: z.number().int().min(1).max(100), ...branchSchema.shape }).optional(),
  /** 1.1: a player in this role rolls it (applies the choice), as well as the facilitator. */
  rolled_by: id.optional(),
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
  /** 1.1: closed for a while after it was taken (after a failed check, unless `after: any`). */
  cooldown: cooldownSchema.optional(),
  /** 1.1: a player in this role decides it (applies the choice), as well as the facilitator. */
  decided_by: id.optional(),
});
export type Choice = z.infer<typeof choiceSchema>;

export const injectSchema = z.strictObject({
  id,
  /** Game minute at which it fires by itself; without it the facilitator reveals it. */
  at: minutes.optional(),
  /** 1.1: fires this many game minutes after the party enters its scene (or module); instead of `at`. */
  after: duration.optional(),
  /** 1.1: fires (or can be revealed) only while this holds. */
  when: conditionSchema.optional(),
  /** 1.1: game minutes after it fell due that it can still fire; past that it is missed. */
  expires: duration.optional(),
  /** 1.1: what firing it does to the world. */
  effect: z.strictObject(effectFields).optional(),
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
  /**
   * The incident commander: a declaration from this role (incident, mitigated, resolved) sets its
   * milestone at once; another role's waits for the facilitator to confirm it. At most one role.
   */
  commander: z.boolean().default(false),
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
  format: z.enum(FORMATS),
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
  /** 1.1: named whole numbers with their starting values: turns, budget, points. */
  counters: z.record(id, z.number().int().min(-1_000_000).max(1_000_000)).optional(),
  /** 1.1: deadlines that run from a condition (a milestone, a flag) and act when met or missed. */
  deadlines: z.array(deadlineSchema).max(20).optional(),
  /** 1.1: choices open in every scene (notify the regulator, call the vendor). */
  actions: z.array(choiceSchema).max(20).optional(),
  /** 1.1: the exercise in parts, each with its scenes, a wall-clock budget and discussion questions. */
  modules: z
    .array(moduleSchema.extend({ injects: z.array(injectSchema).max(50).optional() }))
    .max(20)
    .optional(),
  /** 1.1: variants the facilitator picks when creating the session. */
  parameters: z.array(parameterSchema).max(10).optional(),
  /** 1.1: decks of cards, by id, that outcomes draw from and `deal` deals from. */
  decks: decksSchema.optional(),
  /** 1.1: what is dealt at random (seeded) when the session is set up: a deck's cards, a parameter's option. */
  deal: z.array(dealSchema).max(10).optional(),
  injects: z.array(injectSchema).max(100).optional(),
  start: id,
  scenes: z.array(sceneSchema).min(1).max(200),
  endings: z.array(endingSchema).min(1).max(30),
  telemetry: telemetrySchema.optional(),
  ...exerciseScenarioFields,
  /** Scripted playthroughs and what each must reach: `chaos-quest test` runs them. */
  tests: testsSchema.optional(),
});
/** Baseline values read from the CSV files beside a scenario, by file name, one per row in file order. */
export type BaselineSeries = Readonly<Record<string, readonly number[]>>;

/** A validated scenario, defaults applied, with the values of the CSV baselines it names. */
export type Scenario = z.output<typeof scenarioSchema> & { readonly series?: BaselineSeries };
