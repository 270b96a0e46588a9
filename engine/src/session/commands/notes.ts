import { z } from 'zod';
import { is1_1 } from '../../compile/story-1-1.ts';
import { userText } from '../../protocol/command-fields.ts';
import { LIVE, defineCommand } from '../command-definition.ts';
import { append, note, now } from '../draft.ts';
import { sceneOf } from '../phase.ts';
import { sendingPlayer } from '../roles.ts';
import { ACTION_PRIORITIES } from '../state.ts';

/** What the table writes down: proposals, posts on the timeline, and the debrief's action items. */

export const actionPropose = defineCommand('action.propose', {
  payload: { text: userText(500) },
  senders: 'player',
  phases: LIVE,
  handle: (draft, command) => {
    const player = sendingPlayer(draft);
    const scene = sceneOf(draft.state) ?? '';
    append(draft, 'proposals', {
      id: `p${draft.entry.seq}`,
      playerId: player.id,
      text: command.text,
      at: now(draft),
      scene,
      // 1.1: a proposal belongs to one visit of its scene; coming back starts afresh.
      ...(is1_1(draft.game.scenario) ? { visit: draft.state.path.length } : {}),
    });
    note(draft, 'proposal', command.text);
  },
});

export const timelinePost = defineCommand('timeline.post', {
  payload: { text: userText(1000) },
  senders: 'either',
  phases: [...LIVE, 'debrief'],
  handle: (draft, command) => {
    note(draft, 'post', command.text);
  },
});

export const actionItemAdd = defineCommand('action-item.add', {
  payload: { text: userText(500), owner: userText(100).optional(), priority: z.enum(ACTION_PRIORITIES).optional() },
  senders: 'either',
  phases: [...LIVE, 'debrief'],
  handle: (draft, command) => {
    append(draft, 'actionItems', {
      id: `a${draft.entry.seq}`,
      text: command.text,
      owner: command.owner ?? null,
      ...(command.priority ? { priority: command.priority } : {}),
      by: draft.by,
      at: now(draft),
    });
    note(draft, 'action-item', command.text);
  },
});
