import { z } from 'zod';
import { defineCommand } from '../command-definition.ts';
import { note } from '../draft.ts';
import { send } from '../send.ts';

/** The game clock: it moves only by these commands (and by the cost of choices). */

export const clockAdvance = defineCommand('clock.advance', {
  payload: { minutes: z.number().int().min(1).max(600) },
  senders: 'facilitator',
  event: (command) => ({ type: 'ADVANCE', minutes: command.minutes }),
  handle: (draft, command) => {
    send(draft, { type: 'ADVANCE', minutes: command.minutes });
    note(draft, 'clock', `Clock advanced ${command.minutes} min`);
  },
});

/** Paced mode: the server ticks the game clock by one minute every `secondsPerMinute`; null stops it. */
export const clockPace = defineCommand('clock.pace', {
  payload: { secondsPerMinute: z.number().int().min(1).max(600).nullable() },
  senders: 'facilitator',
  phases: ['briefing', 'running', 'paused'],
  handle: (draft, command) => {
    draft.state.pace = command.secondsPerMinute;
    const text =
      command.secondsPerMinute === null
        ? 'The clock waits for the facilitator'
        : `The clock runs: one game minute every ${command.secondsPerMinute} s`;
    note(draft, 'clock', text);
  },
});

/** One paced minute, logged by the server's pace clock. */
export const clockTick = defineCommand('clock.tick', {
  payload: {},
  senders: 'system',
  event: () => ({ type: 'ADVANCE', minutes: 1 }),
  handle: (draft) => {
    send(draft, { type: 'ADVANCE', minutes: 1 });
  },
});
