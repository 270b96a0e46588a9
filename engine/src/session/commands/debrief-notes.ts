import { z } from 'zod';
import { userText } from '../../protocol/command-fields.ts';
import { defineCommand } from '../command-definition.ts';
import { append, note, now } from '../draft.ts';
import { DEBRIEF_NOTE_KINDS, DEBRIEF_NOTE_LABELS } from '../state.ts';

/**
 * A reflection for the post-mortem, written at the debrief by any seat at the table (the facilitator
 * or a seated player, whatever their role): what went well, what was hard, where the team got lucky.
 * Typed text, so it counts against the session's text budget, and a timeline entry, so it counts
 * against the timeline's and the player's typing budget like a post.
 */
export const debriefNote = defineCommand('debrief.note', {
  payload: { kind: z.enum(DEBRIEF_NOTE_KINDS), text: userText(500) },
  senders: 'either',
  phases: ['debrief'],
  handle: (draft, command) => {
    append(draft, 'debriefNotes', {
      id: `n${draft.entry.seq}`,
      kind: command.kind,
      text: command.text,
      by: draft.by,
      at: now(draft),
    });
    note(draft, 'debrief-note', `${DEBRIEF_NOTE_LABELS[command.kind]}: ${command.text}`);
  },
});
