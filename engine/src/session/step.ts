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
  'role.take': ['lobby', 'briefing', 'running', 'paused'],
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
  'role.take': p.takeRole,
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
  const player = state.players[actor.playerId];
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
  return stepWith(scenario, state, entry, false);
}

/** `step`, optionally appending in place to lists the caller owns (see Draft.owned). */
export function stepWith(scenario: Scenario, state: SessionState, entry: LoggedCommand, owned: boolean): StepResult<SessionState> {
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
  const draft = openDraft(gameOf(scenario), state, parsed.data, owned);
  const error = HANDLERS[command.type](draft, command as never);
  return error ? { ok: false, error } : { ok: true, state: draft.s };
}
