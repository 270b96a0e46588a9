import { is1_1 } from '../compile/story-1-1.ts';
import { MILESTONES } from '../scenario/schema-atoms.ts';
import type { Draft } from './draft.ts';
import { canSend } from './game-snapshot.ts';
import { send } from './send.ts';

/** Tells a 1.1 machine about milestones reached, so deadlines and `milestone` conditions can read them. */
export function syncMilestones(draft: Draft): void {
  if (!is1_1(draft.game.scenario)) return;
  for (const milestone of MILESTONES) {
    const reached = draft.state.game.context.reached ?? [];
    if (!draft.state.milestones[milestone] || reached.includes(milestone)) continue;
    const event = { type: 'MILESTONE', milestone } as const;
    if (canSend(draft.game, draft.state.game, event)) send(draft, event);
  }
}
