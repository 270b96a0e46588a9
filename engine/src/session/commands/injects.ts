import { z } from 'zod';
import { refId, userText } from '../../protocol/command-fields.ts';
import { injectIdSchema, roleIdSchema } from '../../protocol/ids.ts';
import { LIVE, defineCommand } from '../command-definition.ts';
import { markMilestone, note, reveal } from '../draft.ts';
import { canSend } from '../game-snapshot.ts';
import { sendingPlayer } from '../roles.ts';
import { send } from '../send.ts';

/** Injects: what the fiction tells the table, from the scenario or improvised, and pages answered. */

export const injectReveal = defineCommand('inject.reveal', {
  payload: { injectId: injectIdSchema },
  senders: 'facilitator',
  phases: LIVE,
  handle: (draft, command) => {
    const found = draft.game.injects.get(command.injectId);
    if (!found) return { code: 'not-found', message: `There is no inject '${command.injectId}' in this scenario.` };
    const event = { type: 'REVEAL', inject: command.injectId } as const;
    if (!canSend(draft.game, draft.state.game, event)) {
      return { code: 'unavailable', message: `Inject '${command.injectId}' has already been revealed.` };
    }
    send(draft, event);
    reveal(draft, command.injectId, found.inject);
  },
});

export const injectImprovise = defineCommand('inject.improvise', {
  payload: { text: userText(2000), to: z.array(roleIdSchema).min(1).max(20).optional(), page: z.boolean().optional() },
  senders: 'facilitator',
  phases: LIVE,
  handle: (draft, command) => {
    const unknown = (command.to ?? []).filter((r) => !draft.game.roles.has(r));
    if (unknown.length > 0) return { code: 'not-found', message: `No such role: ${unknown.join(', ')}.` };
    reveal(draft, null, { text: command.text, page: command.page ?? false, to: command.to });
  },
});

export const injectAck = defineCommand('inject.ack', {
  payload: { key: refId },
  senders: 'player',
  phases: LIVE,
  handle: (draft, command) => {
    const player = sendingPlayer(draft);
    const inject = draft.state.revealed.find((r) => r.key === command.key);
    const visible = inject && (inject.to === null || (player.role !== null && inject.to.includes(player.role)));
    if (!inject || !visible)
      return { code: 'not-found', message: `There is no inject '${command.key}' for you to acknowledge.` };
    if (!inject.page) return { code: 'unavailable', message: 'Only a page can be acknowledged.' };
    if (inject.acknowledgedBy.includes(player.id))
      return { code: 'unavailable', message: 'You have already acknowledged this page.' };
    draft.state.revealed = draft.state.revealed.map((r) =>
      r === inject ? { ...r, acknowledgedBy: [...r.acknowledgedBy, player.id] } : r,
    );
    note(draft, 'page', `${player.name} acknowledged the page`);
    markMilestone(draft, 'acknowledged', 'page');
  },
});
