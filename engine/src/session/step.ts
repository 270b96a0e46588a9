import { gameOf } from '../compile/game.ts';
import { FACILITATOR_ONLY, PLAYER_ONLY, SYSTEM_ONLY, loggedCommandSchema, type CommandType, type LoggedCommand } from '../protocol/commands.ts';
import type { Scenario } from '../scenario/schema.ts';
import { fail, type StepError, type StepResult } from './errors.ts';
import { openDraft, type Draft } from './draft.ts';
import * as f from './handlers-facilitator.ts';
import * as p from './handlers-player.ts';
import * as shared from './handlers-shared.ts';
import { phaseOf } from './phase.ts';
import type { Phase, SessionState } from './state.ts';
import { own } from './own.ts';
import { SESSION_LIMITS, typedText } from './limits.ts';

const LIVE: Phase[] = ['running', 'paused'];
const NOT_ENDED: Phase[] = ['lobby', 'briefing', 'running', 'paused', 'debrief'];

/** In which phases each command makes sense. */
const PHASES: Record<CommandType, readonly Phase[]> = {
  'session.brief': ['lobby'],
  'session.start': ['lobby', 'briefing'],
  'session.pause': ['running'],
  'session.resume': ['paused'],
  'session.end': ['lobby', 'briefing', 'running', 'paused'],
  'session.close': ['debrief'],
  'clock.advance': ['running'],
  'clock.tick': ['running'],
  'clock.pace': ['briefing', 'running', 'paused'],
  'inject.reveal': LIVE,
  'inject.improvise': LIVE,
  'scene.goto': ['running'],
  'milestone.mark': LIVE,
  'declaration.confirm': [...LIVE, 'debrief'],
  coach: NOT_ENDED,
  'dice.roll': LIVE,
  'player.assign': NOT_ENDED,
  'player.remove': NOT_ENDED,
  'player.join': ['lobby', 'briefing', 'running', 'paused'],
  'role.decline': NOT_ENDED,
  // Once briefed, players hold their role's secrets: a change of seat is the facilitator's to make.
  'role.take': ['lobby'],
  'role.request': ['briefing', 'running', 'paused'],
  'action.propose': LIVE,
  'choice.vote': ['running'],
  'incident.declare': ['running'],
  'hand.raise': NOT_ENDED,
  'inject.ack': LIVE,
  'choice.apply': ['running'],
  'timeline.post': [...LIVE, 'debrief'],
  'action-item.add': [...LIVE, 'debrief'],
};

type Handler = (d: Draft, c: never) => StepError | void;
const HANDLERS: Record<CommandType, Handler> = {
  'session.brief': f.brief,
  'session.start': f.start,
  'session.pause': f.pause,
  'session.resume': f.resume,
  'session.end': f.end,
  'session.close': f.close,
  'clock.advance': f.advance,
  'clock.tick': f.tick,
  'clock.pace': f.pace,
  'inject.reveal': f.revealInject,
  'inject.improvise': f.improvise,
  'scene.goto': f.gotoScene,
  'milestone.mark': f.mark,
  'declaration.confirm': f.confirm,
  coach: f.coach,
  'dice.roll': f.roll,
  'player.assign': f.assign,
  'player.remove': f.remove,
  'player.join': f.join,
  'role.decline': f.declineRole,
  'role.take': p.takeRole,
  'role.request': p.requestRole,
  'action.propose': p.propose,
  'choice.vote': p.vote,
  'incident.declare': p.declare,
  'hand.raise': p.raiseHand,
  'inject.ack': p.acknowledge,
  'choice.apply': shared.applyChoice,
  'timeline.post': shared.post,
  'action-item.add': shared.addActionItem,
};

/** Whether `entry.actor` may send this command at all, whatever the phase. */
export function authorize(scenario: Scenario, state: SessionState, entry: Pick<LoggedCommand, 'actor' | 'command'>): StepError | null {
  const { actor, command } = entry;
  if (SYSTEM_ONLY.has(command.type)) return actor.kind === 'system' ? null : { code: 'forbidden', message: `'${command.type}' is sent by the server only.` };
  if (actor.kind === 'system') return { code: 'forbidden', message: `The server itself sends only joins and clock ticks, not '${command.type}'.` };
  if (actor.kind === 'facilitator') {
    return PLAYER_ONLY.has(command.type) ? { code: 'forbidden', message: `'${command.type}' is a player's command; the facilitator cannot send it.` } : null;
  }
  const player = own(state.players, actor.playerId);
  if (!player || player.removed) return { code: 'forbidden', message: 'You are not seated at this session.' };
  if (FACILITATOR_ONLY.has(command.type)) return { code: 'forbidden', message: `Only the facilitator may send '${command.type}'.` };
  if (command.type === 'choice.apply') {
    const role = player.role ? gameOf(scenario).roles.get(player.role) : undefined;
    if (!role?.can_apply_choices) return { code: 'forbidden', message: 'Your role proposes and votes; the facilitator applies choices.' };
  }
  return null;
}

/**
 * Applies one logged command. Pure: returns the next state, or a typed error with the given state
 * untouched. Never throws for any input, well-formed or not; a throw means a bug in the engine.
 */
export function step(scenario: Scenario, state: SessionState, entry: LoggedCommand): StepResult<SessionState> {
  return stepWith(scenario, state, entry, 'live');
}

/**
 * `step` for a new command (`live`: the session's budgets apply) or for one already in the log
 * (`replay`: it was accepted when it was written, so a later change of limits never breaks an old
 * log; and appends go in place to lists the caller owns, see Draft.owned).
 */
export function stepWith(scenario: Scenario, state: SessionState, entry: LoggedCommand, mode: 'live' | 'replay'): StepResult<SessionState> {
  // Only the four logged fields: a store's entry carries more (its command key) and is still valid.
  const logged = typeof entry === 'object' && entry !== null ? { seq: entry.seq, at: entry.at, actor: entry.actor, command: entry.command } : entry;
  const parsed = loggedCommandSchema.safeParse(logged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('invalid', `Malformed command${issue?.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue?.message ?? 'unknown shape'}.`);
  }
  const { command, actor } = parsed.data;
  if (parsed.data.seq !== state.seq + 1) return fail('invalid', `Expected command number ${state.seq + 1}, got ${parsed.data.seq}.`);
  const denied = authorize(scenario, state, { actor, command });
  if (denied) return { ok: false, error: denied };
  const phase = phaseOf(state);
  if (!PHASES[command.type].includes(phase)) return fail('wrong-phase', `'${command.type}' is not possible while the session is ${phase}.`);
  const typed = typedText(command);
  if (mode === 'live') {
    const over = overBudget(state, actor, command, typed);
    if (over) return { ok: false, error: over };
  }
  const draft = openDraft(gameOf(scenario), state, parsed.data, mode === 'replay');
  draft.s.textUsed = (state.textUsed ?? 0) + typed;
  const error = HANDLERS[command.type](draft, command as never);
  return error ? { ok: false, error } : { ok: true, state: draft.s };
}

/** Why a new command would take the session past one of its limits, or null. */
function overBudget(state: SessionState, actor: LoggedCommand['actor'], command: LoggedCommand['command'], typed: number): StepError | null {
  const used = state.textUsed ?? 0;
  if (typed > 0 && used + typed > SESSION_LIMITS.text) {
    return { code: 'budget', message: `This session has reached its limit of ${SESSION_LIMITS.text} typed characters; nothing more can be written in it.` };
  }
  if (command.type === 'player.join' && Object.keys(state.players).length >= SESSION_LIMITS.players) {
    return { code: 'budget', message: `This table is full: a session seats at most ${SESSION_LIMITS.players} players.` };
  }
  // Only players are held to the timeline's size: the facilitator must always be able to run the game.
  if (actor.kind === 'player' && command.type !== 'choice.vote' && state.timeline.length >= SESSION_LIMITS.timeline) {
    return { code: 'budget', message: `This session's timeline is full (${SESSION_LIMITS.timeline} entries); ask the facilitator to carry on.` };
  }
  return null;
}
