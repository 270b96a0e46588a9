import type { EvaluatorId } from '../protocol/ids.ts';
import type { Draft } from '../session/draft.ts';
import type { StepError } from '../session/errors.ts';
import { own } from '../session/own.ts';
import type { SessionState } from '../session/state.ts';
import { emptyExercise, type ExerciseState } from './exercise-state.ts';

/** How the exercise's commands read and replace the session's exercise record. */

export function evaluatorName(state: SessionState, evaluatorId: EvaluatorId): string | undefined {
  return state.exercise ? own(state.exercise.evaluators, evaluatorId)?.name : undefined;
}

/** The record as the draft has it, or a new empty one: the first command of an exercise creates it. */
export function exerciseOf(draft: Draft): ExerciseState {
  return draft.state.exercise ?? emptyExercise();
}

/** Replaces fields of the record: handlers never mutate the record they were given. */
export function updateExercise(draft: Draft, change: Partial<ExerciseState>): void {
  draft.state.exercise = { ...exerciseOf(draft), ...change };
}

/** Why nothing more may be written to a signed-off session, or null while it is open. Pure. */
export function frozenError(state: SessionState): StepError | null {
  const signed = state.exercise?.signedOff;
  if (!signed) return null;
  return {
    code: 'frozen',
    message: `This exercise was signed off by ${signed.name}; its record is frozen and nothing more can be added or changed. Start a new session to play again.`,
  };
}
