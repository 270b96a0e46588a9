import { z } from 'zod';
import { refId, userText } from '../../protocol/command-fields.ts';
import { LIVE, defineCommand } from '../command-definition.ts';
import { append, markMilestone, note, now, type Draft } from '../draft.ts';
import type { StepError } from '../errors.ts';
import { own } from '../own.ts';
import { sendingPlayer } from '../roles.ts';
import {
  checkAlert,
  clockAt,
  confirmsDeclarations,
  CURRENT_RULES,
  declared,
  DETECTION_OF,
  isCommander,
  MILESTONE_OF,
} from '../rules.ts';
import {
  DECLARED_SOURCES,
  type Declaration,
  type DeclaredSource,
  type DeclaredMilestone,
  type Player,
  type Stamp,
} from '../state.ts';

/**
 * Players declare the incident, its mitigation and its resolution, naming what told them; the
 * facilitator confirms (or overrides) or rejects what waits. How a declaration counts depends on the
 * session's rules (rules.ts): an old log replays by the rules it was written under.
 */

/** The server's first step in a new session: the rules it plays by, so its log replays by them forever. */
export const sessionRules = defineCommand('session.rules', {
  payload: { rules: z.number().int().min(2).max(CURRENT_RULES) },
  senders: 'system',
  phases: ['lobby'],
  handle: (draft, command) => {
    if (draft.entry.seq !== 1)
      return { code: 'unavailable', message: 'A session takes its rules in its first step, never later.' };
    draft.state.rules = command.rules;
  },
});

const declarePayload = {
  kind: z.enum(['incident', 'mitigated', 'resolved']),
  note: userText(500).optional(),
  /** What told the team: an alert (which one), a dashboard, a customer, something else. */
  source: z.enum(DECLARED_SOURCES).optional(),
  alert: refId.optional(),
};
/** What told the team, as a command names it. */
type Told = { source?: DeclaredSource | undefined; alert?: string | undefined };
type Declare = { kind: Declaration['kind']; note?: string | undefined } & Told;

export const incidentDeclare = defineCommand('incident.declare', {
  payload: declarePayload,
  senders: 'player',
  phases: ['running'],
  handle: (draft, command) =>
    confirmsDeclarations(draft.state) ? declareForConfirmation(draft, command) : declareByFirstRules(draft, command),
});

function told(command: Told): Pick<Declaration, 'source' | 'alert'> {
  return command.source ? { source: command.source, ...(command.alert ? { alert: command.alert } : {}) } : {};
}

function record(draft: Draft, player: Player, command: Declare, status: Declaration['status']): Declaration {
  const declaration: Declaration = {
    id: `d${draft.entry.seq}`,
    playerId: player.id,
    kind: command.kind,
    note: command.note ?? null,
    at: now(draft),
    status,
    ...told(command),
  };
  append(draft, 'declarations', declaration);
  return declaration;
}

/** Rules 1, exactly as sessions logged before rules 2 played: a declared incident is detection at once. */
function declareByFirstRules(draft: Draft, command: Declare): void {
  const player = sendingPlayer(draft);
  let status: 'accepted' | 'pending' | 'false-alarm' = 'pending';
  if (command.kind === 'incident') {
    if (now(draft).game < draft.game.scenario.fault.starts_at) {
      status = 'false-alarm';
      note(draft, 'false-alarm', `${player.name} declared an incident before anything was wrong`);
    } else {
      status = 'accepted';
      markMilestone(draft, 'detected', command.source ? DETECTION_OF[command.source] : 'team');
    }
  }
  record(draft, player, command, status);
  if (status === 'false-alarm') return;
  note(
    draft,
    'declaration',
    `${player.name} declares ${declared(command.kind)}${command.note ? `: ${command.note}` : ''}`,
  );
}

/** How a refusal names a milestone already reached. */
const RECORDED = { incident: 'The incident', mitigated: 'Mitigation', resolved: 'Resolution' } as const;

/** Rules 2: the incident commander's declaration sets its milestone; anyone else's waits for the facilitator. */
function declareForConfirmation(draft: Draft, command: Declare): StepError | void {
  const player = sendingPlayer(draft);
  const bad = checkAlert(draft.state, command, player.role);
  if (bad) return bad;
  const milestone = MILESTONE_OF[command.kind];
  const reached = draft.state.milestones[milestone];
  if (reached) {
    const what = RECORDED[command.kind];
    return { code: 'unavailable', message: `${what} is already recorded, at ${clockAt(draft, reached.game)}.` };
  }
  if (command.kind === 'incident' && now(draft).game < draft.game.scenario.fault.starts_at) {
    note(draft, 'false-alarm', `${player.name} declared an incident before anything was wrong`);
    record(draft, player, command, 'false-alarm');
    return;
  }
  const commander = isCommander(draft.game, player);
  if (!commander && draft.state.declarations.some((d) => d.status === 'pending' && d.kind === command.kind)) {
    return {
      code: 'unavailable',
      message: `A declaration of ${declared(command.kind)} is already waiting for the facilitator.`,
    };
  }
  const declaration = record(draft, player, command, commander ? 'accepted' : 'pending');
  const waits = commander ? '' : ' (waiting for the facilitator)';
  note(
    draft,
    'declaration',
    `${player.name} declares ${declared(command.kind)}${command.note ? `: ${command.note}` : ''}${waits}`,
  );
  if (commander) setMilestone(draft, declaration, declaration.at, told(declaration), 'commander');
}

/** Sets (or, when a confirmation corrects it, replaces) the declaration's milestone, with who declared it. */
function setMilestone(
  draft: Draft,
  declaration: Declaration,
  at: Stamp,
  settled: Pick<Declaration, 'source' | 'alert'>,
  confirmedBy: DeclaredMilestone['confirmedBy'],
): void {
  const milestone = MILESTONE_OF[declaration.kind];
  const player = own(draft.state.players, declaration.playerId);
  const role = player?.role ? (draft.game.roles.get(player.role)?.name ?? player.role) : null;
  const source = declaration.kind === 'incident' && settled.source ? DETECTION_OF[settled.source] : 'team';
  const declaredBy: DeclaredMilestone = {
    id: declaration.id,
    by: player?.name ?? 'A player',
    role,
    told: settled.source ?? null,
    alert: settled.alert ?? null,
    confirmedBy,
  };
  const before = draft.state.milestones[milestone];
  draft.state.milestones = { ...draft.state.milestones, [milestone]: { ...at, source, declared: declaredBy } };
  const name = `${milestone[0]?.toUpperCase()}${milestone.slice(1)}`;
  const moved = before ? `, corrected from ${clockAt(draft, before.game)} (${before.source})` : '';
  const by = confirmedBy === 'commander' ? 'declared by the incident commander' : 'confirmed by the facilitator';
  note(
    draft,
    'milestone',
    `${name} at ${clockAt(draft, at.game)} (${source}): ${declaredBy.by}'s declaration, ${by}${moved}`,
  );
}

function pending(draft: Draft, declarationId: string): Declaration | StepError {
  const declaration = draft.state.declarations.find((x) => x.id === declarationId);
  if (!declaration) return { code: 'not-found', message: `There is no declaration '${declarationId}'.` };
  if (declaration.status !== 'pending')
    return { code: 'unavailable', message: `That declaration is already ${declaration.status}.` };
  return declaration;
}

const isError = (x: Declaration | StepError): x is StepError => 'code' in x;

function answer(draft: Draft, declaration: Declaration, changed: Partial<Declaration>): void {
  draft.state.declarations = draft.state.declarations.map((x) => (x === declaration ? { ...x, ...changed } : x));
}

export const declarationConfirm = defineCommand('declaration.confirm', {
  payload: {
    declarationId: refId,
    /** An override of what told the team (rules 2): the facilitator's reading of the table. */
    source: z.enum(DECLARED_SOURCES).optional(),
    alert: refId.optional(),
    /** An override of the game minute the milestone is set at (rules 2); the declaration's own by default. */
    minute: z.number().int().min(-10_000).max(10_000).optional(),
  },
  senders: 'facilitator',
  phases: [...LIVE, 'debrief'],
  handle: (draft, command) => {
    const declaration = pending(draft, command.declarationId);
    if (isError(declaration)) return declaration;
    if (!confirmsDeclarations(draft.state)) {
      if (command.source !== undefined || command.alert !== undefined || command.minute !== undefined)
        return { code: 'invalid', message: 'This session plays by its first rules: confirm a declaration as made.' };
      answer(draft, declaration, { status: 'confirmed' });
      if (declaration.kind !== 'incident') markMilestone(draft, declaration.kind, 'team', declaration.at);
      return;
    }
    return confirm(draft, declaration, command);
  },
});

function confirm(
  draft: Draft,
  declaration: Declaration,
  command: Told & { minute?: number | undefined },
): StepError | void {
  // A new source drops the player's alert unless the facilitator names one again.
  const settled = command.source
    ? told(command)
    : told({ ...declaration, ...(command.alert ? { alert: command.alert } : {}) });
  const bad = checkAlert(draft.state, settled);
  if (bad) return bad;
  const minute = command.minute ?? declaration.at.game;
  const clock = draft.state.game.context.clock;
  if (minute > clock)
    return { code: 'invalid', message: `${clockAt(draft, minute)} is later than now (${clockAt(draft, clock)}).` };
  const onset = draft.game.scenario.fault.starts_at;
  if (declaration.kind === 'incident' && minute < onset) {
    return {
      code: 'invalid',
      message: `${clockAt(draft, minute)} is before the fault began (${clockAt(draft, onset)}); reject the declaration instead.`,
    };
  }
  const overridden = command.source !== undefined || command.alert !== undefined;
  answer(draft, declaration, {
    status: 'confirmed',
    answer: { at: now(draft), minute, ...(overridden ? settled : {}) },
  });
  const at = minute === declaration.at.game ? declaration.at : { game: minute, wall: declaration.at.wall };
  setMilestone(draft, declaration, at, settled, 'facilitator');
}

export const declarationReject = defineCommand('declaration.reject', {
  payload: { declarationId: refId, reason: userText(300).optional() },
  senders: 'facilitator',
  phases: [...LIVE, 'debrief'],
  handle: (draft, command) => {
    const declaration = pending(draft, command.declarationId);
    if (isError(declaration)) return declaration;
    answer(draft, declaration, {
      status: 'rejected',
      answer: { at: now(draft), minute: null, ...(command.reason ? { reason: command.reason } : {}) },
    });
    const player = own(draft.state.players, declaration.playerId);
    note(
      draft,
      'declaration',
      `The facilitator did not confirm ${player?.name ?? 'a player'}'s declaration of ${declared(declaration.kind)}${command.reason ? `: ${command.reason}` : ''}`,
    );
  },
});
