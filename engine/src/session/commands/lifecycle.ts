import { z } from 'zod';
import { userText } from '../../protocol/command-fields.ts';
import { OUTCOMES } from '../../scenario/schema.ts';
import { BEFORE_DEBRIEF, defineCommand } from '../command-definition.ts';
import { note, send } from '../draft.ts';

/** The session's lifecycle: lobby → briefing → running ⇄ paused → debrief → ended. */

export const sessionBrief = defineCommand('session.brief', {
  payload: {},
  senders: 'facilitator',
  phases: ['lobby'],
  handle: (draft) => {
    note(draft, 'phase', 'Briefing: players read their role cards');
    send(draft, { type: 'BRIEF' });
  },
});

export const sessionStart = defineCommand('session.start', {
  payload: {},
  senders: 'facilitator',
  phases: ['lobby', 'briefing'],
  handle: (draft) => {
    note(draft, 'phase', 'The quest begins');
    send(draft, { type: 'START' });
  },
});

export const sessionPause = defineCommand('session.pause', {
  payload: {},
  senders: 'facilitator',
  phases: ['running'],
  handle: (draft) => {
    draft.state.paused = true;
    note(draft, 'phase', 'Paused');
  },
});

export const sessionResume = defineCommand('session.resume', {
  payload: {},
  senders: 'facilitator',
  phases: ['paused'],
  handle: (draft) => {
    draft.state.paused = false;
    note(draft, 'phase', 'Resumed');
  },
});

export const sessionEnd = defineCommand('session.end', {
  payload: { outcome: z.enum(OUTCOMES), note: userText(2000).optional() },
  senders: 'facilitator',
  phases: BEFORE_DEBRIEF,
  handle: (draft, command) => {
    if (command.note) note(draft, 'narration', command.note);
    send(draft, { type: 'END', outcome: command.outcome });
  },
});

export const sessionClose = defineCommand('session.close', {
  payload: {},
  senders: 'facilitator',
  phases: ['debrief'],
  handle: (draft) => {
    send(draft, { type: 'CLOSE' });
    note(draft, 'phase', 'Session closed');
  },
});
