import { z } from 'zod';
import { DETECTION_SOURCES, MARKABLE_MILESTONES } from '../../scenario/schema.ts';
import { LIVE, defineCommand } from '../command-definition.ts';
import { markMilestone } from '../draft.ts';

/** The practice incident's milestones as the facilitator marks them (players declare: declarations.ts). */

export const milestoneMark = defineCommand('milestone.mark', {
  payload: { milestone: z.enum(MARKABLE_MILESTONES), source: z.enum(DETECTION_SOURCES).optional() },
  senders: 'facilitator',
  phases: LIVE,
  handle: (draft, command) => {
    if (!markMilestone(draft, command.milestone, command.source ?? 'facilitator')) {
      return { code: 'unavailable', message: `'${command.milestone}' is already marked.` };
    }
  },
});
