import type { EvaluatorId, PlayerId } from '../protocol/ids.ts';
import type { Stamp } from '../session/state.ts';
import type { Objective } from './objectives-schema.ts';

/**
 * What a session records of the exercise beside the game: the plan under test, objectives added at
 * creation, the evaluators and their observations and ratings, the hot wash, the improvement plan and
 * the sign-off. Absent from a session that never used any of it, so older sessions keep their shape.
 */

export type { EvaluatorId };

/** HSEEP's ratings: performed without challenges, with some challenges, with major challenges, unable to be performed. */
export const RATINGS = ['P', 'S', 'M', 'U'] as const;
export type Rating = (typeof RATINGS)[number];

export const OBSERVATION_KINDS = ['strength', 'improvement'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

/** HSEEP's capability elements: where a corrective action lands. */
export const CAPABILITY_ELEMENTS = ['planning', 'organisation', 'equipment', 'training', 'exercise'] as const;
export type CapabilityElement = (typeof CAPABILITY_ELEMENTS)[number];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface Evaluator {
  id: EvaluatorId;
  name: string;
  joinedAt: number;
}

export interface Observation {
  id: string;
  evaluatorId: EvaluatorId;
  by: string;
  kind: ObservationKind;
  /** The objective it speaks to, or null for a general note. */
  objective: string | null;
  note: string;
  /** Why it happened, for an area for improvement (HSEEP asks for the root cause). */
  rootCause: string | null;
  at: Stamp;
  /** The newest inject revealed when it was written: its key and text, or null before any. */
  inject: { key: string; text: string } | null;
  scene: string | null;
}

export interface RatingEntry {
  objective: string;
  evaluatorId: EvaluatorId;
  by: string;
  rating: Rating;
  reason: string;
  at: Stamp;
}

export interface Feedback {
  id: string;
  /** Null when the hot wash is anonymous: the form is kept, not who filled it. */
  by: string | null;
  wentWell: string;
  toImprove: string;
  rating: 1 | 2 | 3 | 4 | 5;
  at: Stamp;
}

export interface CorrectiveAction {
  /** Unique within the session (`ca<seq>`); the store keys it by session too. */
  id: string;
  issue: string;
  action: string;
  objective: string | null;
  element: CapabilityElement;
  priority: Priority;
  owner: string;
  organisation: string;
  /** The date it is due, as YYYY-MM-DD. */
  due: string;
  /** The date work starts (HSEEP's start date): the day it was agreed, as YYYY-MM-DD. */
  start: string;
  by: string;
  at: Stamp;
}

export interface SignOff {
  name: string;
  at: Stamp;
}

export interface ExerciseState {
  plan: { name: string; version: string } | null;
  /** Objectives added when the session was created, after the scenario's own. */
  objectives: Objective[];
  evaluators: Record<EvaluatorId, Evaluator>;
  observations: Observation[];
  /** Each evaluator's latest rating of each objective. */
  ratings: RatingEntry[];
  hotwash: {
    anonymous: boolean;
    feedback: Feedback[];
    /** Players who sent the form: kept apart from the forms, so an anonymous one cannot be traced from the state. */
    submitted: PlayerId[];
    /** Each player's votes for areas to improve (feedback ids). */
    votes: Record<PlayerId, string[]>;
  };
  corrective: CorrectiveAction[];
  signedOff: SignOff | null;
}

/** What an exercise may grow to: evaluators, observations and actions are typed by people. */
export const EXERCISE_LIMITS = {
  evaluators: 10,
  observations: 500,
  corrective: 100,
  /** Votes each participant may give to areas to improve. */
  votes: 3,
} as const;

export function emptyExercise(): ExerciseState {
  return {
    plan: null,
    objectives: [],
    evaluators: {},
    observations: [],
    ratings: [],
    hotwash: { anonymous: false, feedback: [], submitted: [], votes: {} },
    corrective: [],
    signedOff: null,
  };
}
