import { z } from 'zod';
import { refId, userText } from '../protocol/command-fields.ts';
import { defineCommand } from '../session/command-definition.ts';
import { note, now } from '../session/draft.ts';
import { AFTER_PLAY } from './exercise-commands.ts';
import { exerciseOf, updateExercise } from './exercise-draft.ts';
import { CAPABILITY_ELEMENTS, EXERCISE_LIMITS, PRIORITIES } from './exercise-state.ts';
import { objectivesOf } from './objectives.ts';
import { utcDate } from './utc.ts';

/** A calendar date as YYYY-MM-DD that exists (no 31 April). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')
  .refine((text) => {
    const [y = 0, m = 0, d = 0] = text.split('-').map(Number);
    const days = [
      31,
      y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
      31,
      30,
      31,
      30,
      31,
      31,
      30,
      31,
      30,
      31,
    ];
    return m >= 1 && m <= 12 && d >= 1 && d <= (days[m - 1] ?? 0);
  }, 'that date does not exist');

/** A row of the improvement plan: the issue, the corrective action, who fixes it by when. */
export const correctiveAdd = defineCommand('corrective.add', {
  payload: {
    issue: userText(500),
    action: userText(500),
    objective: refId.nullable(),
    element: z.enum(CAPABILITY_ELEMENTS),
    priority: z.enum(PRIORITIES),
    owner: userText(100),
    organisation: userText(100),
    due: isoDate,
  },
  senders: 'facilitator',
  phases: AFTER_PLAY,
  handle: (draft, command) => {
    const objectives = objectivesOf(draft.game.scenario, draft.state).map((o) => o.id);
    if (command.objective !== null && !objectives.includes(command.objective))
      return {
        code: 'not-found',
        message: `There is no objective '${command.objective}'. Objectives: ${objectives.join(', ') || 'none'}.`,
      };
    const start = utcDate(draft.entry.at);
    if (command.due < start)
      return { code: 'invalid', message: `The due date ${command.due} is before today (${start}).` };
    const exercise = exerciseOf(draft);
    if (exercise.corrective.length >= EXERCISE_LIMITS.corrective)
      return { code: 'budget', message: `An improvement plan holds at most ${EXERCISE_LIMITS.corrective} actions.` };
    const { id: _id, type: _type, ...fields } = command;
    const action = { id: `ca${draft.entry.seq}`, ...fields, start, by: draft.by, at: now(draft) };
    updateExercise(draft, { corrective: [...exercise.corrective, action] });
    note(
      draft,
      'action-item',
      `Corrective action: ${command.action} (${command.owner}, due ${command.due})`,
      'facilitator',
    );
  },
});
