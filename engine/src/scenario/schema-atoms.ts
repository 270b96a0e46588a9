import { z } from 'zod';

/** The small value types every part of the scenario schema is built from. */

export const id = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'an id is lower-case letters, digits, "-" or "_", starting with a letter');
export const text = z.string().min(1).max(4000);
/** A game minute, which may lie before play starts. */
export const minutes = z.number().int().min(-10_000).max(10_000);
/** A span of game minutes. */
export const duration = z.number().int().min(0).max(10_000);

export const MILESTONES = ['detected', 'acknowledged', 'mitigated', 'resolved'] as const;
export type Milestone = (typeof MILESTONES)[number];
/** Milestones a scene, an outcome or the facilitator can mark; `acknowledged` comes only from a page. */
export const MARKABLE_MILESTONES = ['detected', 'mitigated', 'resolved'] as const;
export type MarkableMilestone = (typeof MARKABLE_MILESTONES)[number];

export const HEALTH = ['ok', 'degraded', 'down'] as const;
export type Health = (typeof HEALTH)[number];

/** The format versions this engine reads. 1.1 adds counters, deadlines, modules and the rest (README). */
export const FORMAT_1_0 = 'chaos-quest/1';
export const FORMAT_1_1 = 'chaos-quest/1.1';
export const FORMATS = [FORMAT_1_0, FORMAT_1_1] as const;
export type Format = (typeof FORMATS)[number];
