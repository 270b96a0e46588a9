import { z } from 'zod';
import { refId, userText } from '../../protocol/command-fields.ts';
import { DETECTION_SOURCES, MARKABLE_MILESTONES } from '../../scenario/schema.ts';
import { LIVE, defineCommand } from '../command-definition.ts';
import { append, markMilestone, note, now } from '../draft.ts';
import { sendingPlayer } from '../roles.ts';
import { DECLARED_SOURCES } from '../state.ts';

/** The practice incident's milestones: marked by the facilitator, or declared by the team and confirmed. */

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

/** How a declared source counts in the metrics: an alert or a dashboard is monitoring. */
const DETECTION_OF = { alert: 'monitoring', dashboard: 'monitoring', customer: 'customer', other: 'team' } as const;

export const incidentDeclare = defineCommand('incident.declare', {
  payload: {
    kind: z.enum(['incident', 'mitigated', 'resolved']),
    note: userText(500).optional(),
    /** What told the team: an alert (which one), a dashboard, a customer, something else. */
    source: z.enum(DECLARED_SOURCES).optional(),
    alert: refId.optional(),
  },
  senders: 'player',
  phases: ['running'],
  handle: (draft, command) => {
    const player = sendingPlayer(draft);
    const at = now(draft);
    let status: 'accepted' | 'pending' | 'false-alarm' = 'pending';
    if (command.kind === 'incident') {
      if (at.game < draft.game.scenario.fault.starts_at) {
        status = 'false-alarm';
        note(draft, 'false-alarm', `${player.name} declared an incident before anything was wrong`);
      } else {
        status = 'accepted';
        markMilestone(draft, 'detected', command.source ? DETECTION_OF[command.source] : 'team');
      }
    }
    const told = command.source ? { source: command.source, ...(command.alert ? { alert: command.alert } : {}) } : {};
    append(draft, 'declarations', {
      id: `d${draft.entry.seq}`,
      playerId: player.id,
      kind: command.kind,
      note: command.note ?? null,
      at,
      status,
      ...told,
    });
    if (status === 'false-alarm') return;
    const what = command.kind === 'incident' ? 'an incident' : command.kind;
    note(draft, 'declaration', `${player.name} declares ${what}${command.note ? `: ${command.note}` : ''}`);
  },
});

export const declarationConfirm = defineCommand('declaration.confirm', {
  payload: { declarationId: refId },
  senders: 'facilitator',
  phases: [...LIVE, 'debrief'],
  handle: (draft, command) => {
    const declaration = draft.state.declarations.find((x) => x.id === command.declarationId);
    if (!declaration) return { code: 'not-found', message: `There is no declaration '${command.declarationId}'.` };
    if (declaration.status !== 'pending')
      return { code: 'unavailable', message: `That declaration is already ${declaration.status}.` };
    draft.state.declarations = draft.state.declarations.map((x) =>
      x === declaration ? { ...x, status: 'confirmed' as const } : x,
    );
    if (declaration.kind !== 'incident') markMilestone(draft, declaration.kind, 'team', declaration.at);
  },
});
