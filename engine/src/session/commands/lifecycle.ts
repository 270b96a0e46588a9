import { z } from 'zod';
import { refId as idText, userText } from '../../protocol/command-fields.ts';
import { OUTCOMES } from '../../scenario/schema.ts';
import { parametersError } from '../../scenario/parameters.ts';
import { MONITORING_MODES } from '../state.ts';
import { defineCommand } from '../command-definition.ts';
import { note, now } from '../draft.ts';
import { send } from '../send.ts';

/** The session's lifecycle: lobby → briefing → running ⇄ paused → debrief → ended, as the machine has it. */

export const sessionBrief = defineCommand('session.brief', {
  payload: {},
  senders: 'facilitator',
  event: () => ({ type: 'BRIEF' }),
  handle: (draft) => {
    note(draft, 'phase', 'Briefing: players read their role cards');
    send(draft, { type: 'BRIEF' });
  },
});

/**
 * Before play: which alerts the team's monitoring pages them with (the same scenario can be played
 * both ways), and (1.1) the values of the scenario's session parameters.
 */
export const sessionConfigure = defineCommand('session.configure', {
  payload: {
    monitoring: z.enum(MONITORING_MODES).optional(),
    parameters: z.record(idText, idText).optional(),
  },
  senders: 'facilitator',
  phases: ['lobby', 'briefing'],
  handle: (draft, command) => {
    if (command.monitoring === undefined && command.parameters === undefined)
      return { code: 'invalid', message: 'Say what to configure: `monitoring`, `parameters`, or both.' };
    if (command.parameters !== undefined) {
      const refused = parametersError(draft.game.scenario, command.parameters);
      if (refused) return { code: 'invalid', message: refused };
      send(draft, { type: 'PARAMETERS', values: command.parameters });
      const chosen = Object.entries(command.parameters).map(([k, v]) => `${k}: ${v}`);
      note(draft, 'phase', `Parameters: ${chosen.join(', ')}`, 'facilitator');
    }
    if (command.monitoring === undefined) return;
    if (draft.state.monitoring === command.monitoring)
      return { code: 'unavailable', message: `Monitoring is already '${command.monitoring}'.` };
    draft.state.monitoring = command.monitoring;
    const text =
      command.monitoring === 'thresholds'
        ? 'Monitoring: fixed alert rules only'
        : 'Monitoring: fixed alert rules and the dynamic baseline';
    note(draft, 'phase', text, 'facilitator');
  },
});

export const sessionStart = defineCommand('session.start', {
  payload: {},
  senders: 'facilitator',
  event: () => ({ type: 'START' }),
  handle: (draft) => {
    note(draft, 'phase', 'The quest begins');
    send(draft, { type: 'START' });
  },
});

export const sessionPause = defineCommand('session.pause', {
  payload: {},
  senders: 'facilitator',
  event: () => ({ type: 'PAUSE' }),
  handle: (draft) => {
    send(draft, { type: 'PAUSE' });
    note(draft, 'phase', 'Paused');
  },
});

/**
 * Logged by the server when the facilitator's last connection has dropped and stayed gone, so the
 * table does not play on (and the paced clock does not fire injects) with nobody at the console.
 */
export const sessionAutoPause = defineCommand('session.autopause', {
  payload: {},
  senders: 'system',
  event: () => ({ type: 'PAUSE' }),
  handle: (draft) => {
    if (!draft.state.table.autoPause) return { code: 'unavailable', message: 'Auto-pause is off for this session.' };
    send(draft, { type: 'PAUSE' });
    draft.state.autoPaused = now(draft);
    note(draft, 'phase', 'Paused by itself: the facilitator’s connection dropped', 'all', 'System');
  },
});

export const sessionResume = defineCommand('session.resume', {
  payload: {},
  senders: 'facilitator',
  event: () => ({ type: 'RESUME' }),
  handle: (draft) => {
    draft.state.autoPaused = null;
    send(draft, { type: 'RESUME' });
    note(draft, 'phase', 'Resumed');
  },
});

export const sessionEnd = defineCommand('session.end', {
  payload: { outcome: z.enum(OUTCOMES), note: userText(2000).optional() },
  senders: 'facilitator',
  event: (command) => ({ type: 'END', outcome: command.outcome }),
  handle: (draft, command) => {
    if (command.note) note(draft, 'narration', command.note);
    send(draft, { type: 'END', outcome: command.outcome });
  },
});

export const sessionClose = defineCommand('session.close', {
  payload: {},
  senders: 'facilitator',
  event: () => ({ type: 'CLOSE' }),
  handle: (draft) => {
    send(draft, { type: 'CLOSE' });
    note(draft, 'phase', 'Session closed');
  },
});
