import type { PlayerId } from '../protocol/ids.ts';
import type { Scenario } from '../scenario/schema.ts';
import { own } from '../session/own.ts';
import { phaseOf } from '../session/phase.ts';
import type { SessionState } from '../session/state.ts';
import type {
  CorrectiveAction,
  Evaluator,
  ExerciseState,
  Feedback,
  Observation,
  RatingEntry,
  SignOff,
} from './exercise-state.ts';
import { isExercise, objectivesOf, taskStatus, type TaskStatus } from './objectives.ts';
import type { TaskCheck } from './objectives-schema.ts';

/** What the facilitator and the evaluators see of the exercise: everything, evaluators' notes included. */
export interface ExerciseView {
  plan: ExerciseState['plan'];
  objectives: ObjectiveView[];
  evaluators: Evaluator[];
  observations: Observation[];
  ratings: RatingEntry[];
  hotwash: { anonymous: boolean; feedback: Feedback[]; votes: Record<string, number>; forms: number };
  corrective: CorrectiveAction[];
  signedOff: SignOff | null;
}

export interface ObjectiveView {
  id: string;
  title: string;
  capability: string;
  controls: string[];
  tasks: { id: string; text: string; check: string | null; status: TaskStatus }[];
}

/** What every player sees of the hot wash: the areas to improve with their votes, never an evaluator's note. */
export interface HotwashView {
  anonymous: boolean;
  /** Forms may be sent: the debrief, before sign-off. */
  open: boolean;
  forms: number;
  areas: { id: string; text: string; votes: number }[];
  signedOff: boolean;
}

/** A player's own part of the hot wash. */
export interface HotwashMe {
  submitted: boolean;
  votes: string[];
}

/** A few words for what the engine checks: "flag partners_notified", "detected by minute 20". */
export function describeCheck(check: TaskCheck | undefined): string | null {
  if (!check) return null;
  if ('flag' in check) return `flag ${check.flag}`;
  return check.before === undefined
    ? `${check.milestone} reached`
    : `${check.milestone} by game minute ${check.before}`;
}

/** The objectives with each critical task's status as the engine sees it now. Pure. */
export function objectiveViews(scenario: Scenario, state: SessionState): ObjectiveView[] {
  const phase = phaseOf(state);
  const over = phase === 'debrief' || phase === 'ended';
  return objectivesOf(scenario, state).map((o) => ({
    id: o.id,
    title: o.title,
    capability: o.capability,
    controls: o.controls ?? [],
    tasks: o.critical_tasks.map((t) => ({
      id: t.id,
      text: t.text,
      check: describeCheck(t.check),
      status: taskStatus(t, state, over),
    })),
  }));
}

function voteCounts(exercise: ExerciseState): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const votes of Object.values(exercise.hotwash.votes)) for (const v of votes) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

/** The facilitator's and evaluators' view of the exercise, or undefined when the session is no exercise. Pure. */
export function exerciseView(scenario: Scenario, state: SessionState): ExerciseView | undefined {
  if (!isExercise(scenario, state)) return undefined;
  const exercise = state.exercise;
  return {
    plan: exercise?.plan ?? null,
    objectives: objectiveViews(scenario, state),
    evaluators: exercise ? Object.values(exercise.evaluators) : [],
    observations: exercise?.observations ?? [],
    ratings: exercise?.ratings ?? [],
    hotwash: {
      anonymous: exercise?.hotwash.anonymous ?? false,
      feedback: exercise?.hotwash.feedback ?? [],
      votes: exercise ? voteCounts(exercise) : {},
      forms: exercise?.hotwash.feedback.length ?? 0,
    },
    corrective: exercise?.corrective ?? [],
    signedOff: exercise?.signedOff ?? null,
  };
}

/** The players' view of the hot wash, or undefined before the session has one. Pure. */
export function hotwashView(state: SessionState): HotwashView | undefined {
  const exercise = state.exercise;
  if (!exercise) return undefined;
  const counts = voteCounts(exercise);
  return {
    anonymous: exercise.hotwash.anonymous,
    open: phaseOf(state) === 'debrief' && !exercise.signedOff,
    forms: exercise.hotwash.feedback.length,
    areas: exercise.hotwash.feedback.map((f) => ({ id: f.id, text: f.toImprove, votes: counts[f.id] ?? 0 })),
    signedOff: exercise.signedOff !== null,
  };
}

/** One player's part of the hot wash, or undefined before the session has one. Pure. */
export function hotwashMe(state: SessionState, playerId: PlayerId): HotwashMe | undefined {
  const exercise = state.exercise;
  if (!exercise) return undefined;
  return {
    submitted: exercise.hotwash.submitted.includes(playerId),
    votes: own(exercise.hotwash.votes, playerId) ?? [],
  };
}
