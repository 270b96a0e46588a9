import { z } from 'zod';
import { refId, userText } from '../protocol/command-fields.ts';
import { defineCommand } from '../session/command-definition.ts';
import { now } from '../session/draft.ts';
import { own } from '../session/own.ts';
import { sendingPlayer } from '../session/roles.ts';
import { exerciseOf, updateExercise } from './exercise-draft.ts';
import { EXERCISE_LIMITS } from './exercise-state.ts';

/** The hot wash: each player's short feedback form at the debrief, and the table's vote on what to improve first. */

/** Anonymous or named: decided before the first form comes in, so nobody's answer changes hands afterwards. */
export const hotwashConfigure = defineCommand('hotwash.configure', {
  payload: { anonymous: z.boolean() },
  senders: 'facilitator',
  phases: ['lobby', 'briefing', 'running', 'paused', 'debrief'],
  handle: (draft, command) => {
    const exercise = exerciseOf(draft);
    if (exercise.hotwash.feedback.length > 0)
      return {
        code: 'unavailable',
        message: 'Forms are already in: the hot wash stays as it was when they were filled.',
      };
    if (exercise.hotwash.anonymous === command.anonymous && draft.state.exercise)
      return { code: 'unavailable', message: `The hot wash is already ${command.anonymous ? 'anonymous' : 'named'}.` };
    updateExercise(draft, { hotwash: { ...exercise.hotwash, anonymous: command.anonymous } });
  },
});

export const feedbackSubmit = defineCommand('feedback.submit', {
  payload: {
    wentWell: userText(1000),
    toImprove: userText(1000),
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  },
  senders: 'player',
  phases: ['debrief'],
  handle: (draft, command) => {
    const player = sendingPlayer(draft);
    const { hotwash } = exerciseOf(draft);
    if (hotwash.submitted.includes(player.id))
      return { code: 'unavailable', message: 'You have already sent your feedback form; thank you.' };
    const feedback = {
      id: `f${draft.entry.seq}`,
      by: hotwash.anonymous ? null : player.name,
      wentWell: command.wentWell,
      toImprove: command.toImprove,
      rating: command.rating,
      at: now(draft),
    };
    updateExercise(draft, {
      hotwash: { ...hotwash, feedback: [...hotwash.feedback, feedback], submitted: [...hotwash.submitted, player.id] },
    });
  },
});

/** A player's vote for (or against, to take it back) one area to improve: a form's "to improve". */
export const areaVote = defineCommand('area.vote', {
  payload: { area: refId, vote: z.boolean() },
  senders: 'player',
  phases: ['debrief'],
  handle: (draft, command) => {
    const player = sendingPlayer(draft);
    const { hotwash } = exerciseOf(draft);
    if (!hotwash.feedback.some((f) => f.id === command.area))
      return { code: 'not-found', message: `There is no area to improve '${command.area}'.` };
    const mine = own(hotwash.votes, player.id) ?? [];
    const has = mine.includes(command.area);
    if (has === command.vote) return;
    if (command.vote && mine.length >= EXERCISE_LIMITS.votes)
      return {
        code: 'budget',
        message: `You have given all ${EXERCISE_LIMITS.votes} of your votes; take one back first.`,
      };
    const next = command.vote ? [...mine, command.area] : mine.filter((a) => a !== command.area);
    updateExercise(draft, { hotwash: { ...hotwash, votes: { ...hotwash.votes, [player.id]: next } } });
  },
});
