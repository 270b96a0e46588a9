import { z } from 'zod';
import { refId, userText } from '../protocol/command-fields.ts';
import { evaluatorIdSchema } from '../protocol/ids.ts';
import { LIVE, NOT_ENDED, defineCommand } from '../session/command-definition.ts';
import { note, now, type Draft } from '../session/draft.ts';
import type { StepError } from '../session/errors.ts';
import { own } from '../session/own.ts';
import { sceneOf } from '../session/phase.ts';
import type { Phase } from '../session/state.ts';
import { exerciseOf, updateExercise } from './exercise-draft.ts';
import { EXERCISE_LIMITS, OBSERVATION_KINDS, RATINGS, type EvaluatorId } from './exercise-state.ts';
import { objectivesOf } from './objectives.ts';
import { objectiveSchema } from './objectives-schema.ts';

/** The exercise's record as the facilitator and the evaluators write it: plan, evaluators, observations, ratings, sign-off. */

/** The debrief and after: when objectives are rated, the plan is agreed and the record signed off. */
export const AFTER_PLAY: readonly Phase[] = ['debrief', 'ended'];

function unknownObjective(draft: Draft, objective: string): StepError | null {
  const ids = objectivesOf(draft.game.scenario, draft.state).map((o) => o.id);
  if (ids.includes(objective)) return null;
  return {
    code: 'not-found',
    message: `There is no objective '${objective}'. Objectives: ${ids.join(', ') || 'none (add them when the session is created)'}.`,
  };
}

/** Sent once, right after the session is created: the plan under test and any objectives the facilitator adds. */
export const exerciseSetup = defineCommand('exercise.setup', {
  payload: {
    plan: z.strictObject({ name: userText(100), version: userText(40) }),
    objectives: z.array(objectiveSchema).max(10).optional(),
  },
  senders: 'facilitator',
  phases: ['lobby'],
  handle: (draft, command) => {
    const exercise = exerciseOf(draft);
    if (exercise.plan)
      return { code: 'unavailable', message: 'The plan under test is set once, when the session is created.' };
    const added = command.objectives ?? [];
    const taken = new Set((draft.game.scenario.objectives ?? []).map((o) => o.id));
    for (const objective of added) {
      if (taken.has(objective.id))
        return { code: 'invalid', message: `The objective id '${objective.id}' is used twice; give each its own id.` };
      taken.add(objective.id);
      for (const task of objective.critical_tasks) {
        if (task.check && 'flag' in task.check && !(task.check.flag in draft.state.game.context.flags))
          return { code: 'invalid', message: `The scenario has no flag '${task.check.flag}' for task '${task.id}'.` };
      }
    }
    updateExercise(draft, { plan: command.plan, objectives: added });
    note(draft, 'phase', `Plan under test: ${command.plan.name} ${command.plan.version}`, 'facilitator');
  },
});

/** Written by the server when someone takes an evaluator's seat with the facilitator's evaluator code. */
export const evaluatorJoin = defineCommand('evaluator.join', {
  payload: { evaluatorId: evaluatorIdSchema, name: userText(40) },
  senders: 'system',
  phases: NOT_ENDED.concat('ended'),
  handle: (draft, command) => {
    const exercise = exerciseOf(draft);
    if (own(exercise.evaluators, command.evaluatorId))
      return { code: 'unavailable', message: `Evaluator '${command.evaluatorId}' has already joined.` };
    if (Object.keys(exercise.evaluators).length >= EXERCISE_LIMITS.evaluators)
      return { code: 'budget', message: `A session seats at most ${EXERCISE_LIMITS.evaluators} evaluators.` };
    const evaluator = { id: command.evaluatorId, name: command.name, joinedAt: draft.entry.at };
    updateExercise(draft, { evaluators: { ...exercise.evaluators, [command.evaluatorId]: evaluator } });
    note(draft, 'player', `${command.name} joined as an evaluator`, 'facilitator', command.name);
  },
});

function sendingEvaluator(draft: Draft): EvaluatorId {
  const actor = draft.entry.actor;
  if (actor.kind !== 'evaluator') throw new Error('evaluator handlers run only for an evaluator');
  return actor.evaluatorId;
}

/** An evaluator's timestamped note, pinned to both clocks and to the newest inject. Never shown to players. */
export const observationAdd = defineCommand('observation.add', {
  payload: {
    kind: z.enum(OBSERVATION_KINDS),
    objective: refId.nullable(),
    note: userText(1000),
    rootCause: userText(500).optional(),
  },
  senders: 'evaluator',
  phases: [...LIVE, 'debrief'],
  handle: (draft, command) => {
    if (command.objective !== null) {
      const missing = unknownObjective(draft, command.objective);
      if (missing) return missing;
    }
    const exercise = exerciseOf(draft);
    if (exercise.observations.length >= EXERCISE_LIMITS.observations)
      return { code: 'budget', message: `This exercise holds at most ${EXERCISE_LIMITS.observations} observations.` };
    const last = draft.state.revealed.at(-1);
    const observation = {
      id: `o${draft.entry.seq}`,
      evaluatorId: sendingEvaluator(draft),
      by: draft.by,
      kind: command.kind,
      objective: command.objective,
      note: command.note,
      rootCause: command.kind === 'improvement' ? (command.rootCause ?? null) : null,
      at: now(draft),
      inject: last ? { key: last.key, text: last.text } : null,
      scene: sceneOf(draft.state),
    };
    updateExercise(draft, { observations: [...exercise.observations, observation] });
  },
});

/** An evaluator's P/S/M/U rating of one objective, with the reason; a later rating replaces their earlier one. */
export const objectiveRate = defineCommand('objective.rate', {
  payload: { objective: refId, rating: z.enum(RATINGS), reason: userText(1000) },
  senders: 'evaluator',
  phases: AFTER_PLAY,
  handle: (draft, command) => {
    const missing = unknownObjective(draft, command.objective);
    if (missing) return missing;
    const evaluatorId = sendingEvaluator(draft);
    const exercise = exerciseOf(draft);
    const others = exercise.ratings.filter(
      (r) => !(r.objective === command.objective && r.evaluatorId === evaluatorId),
    );
    const entry = { ...command, evaluatorId, by: draft.by, at: now(draft) };
    const { id: _id, type: _type, ...rating } = entry;
    updateExercise(draft, { ratings: [...others, rating] });
  },
});

/** The facilitator signs the record off: from then on the session refuses every command (see step). */
export const exerciseSignoff = defineCommand('exercise.signoff', {
  payload: { name: userText(100) },
  senders: 'facilitator',
  phases: AFTER_PLAY,
  handle: (draft, command) => {
    updateExercise(draft, { signedOff: { name: command.name, at: now(draft) } });
    note(draft, 'phase', `Signed off by ${command.name}: the exercise's record is frozen`);
  },
});
