import { gameOf, type Game } from '../compile/game.ts';
import { loggedCommandSchema, type CommandOf, type CommandType, type LoggedCommand } from '../protocol/commands.ts';
import type { Scenario } from '../scenario/schema.ts';
import { COMMANDS } from './commands/index.ts';
import { openDraft, type Draft } from './draft.ts';
import { canSend } from './game-snapshot.ts';
import { fail, type StepError, type StepResult } from './errors.ts';
import { phaseOf } from './phase.ts';
import { SESSION_LIMITS, typedText } from './limits.ts';
import { own } from './own.ts';
import { syncMilestones } from './milestone-sync.ts';
import type { SessionState } from './state.ts';
import { evaluatorName, frozenError } from '../exercise/exercise-draft.ts';

const SENDER_REFUSALS = {
  facilitator: (type: string) => `Only the facilitator may send '${type}'.`,
  player: (type: string) => `'${type}' is a player's command; the facilitator cannot send it.`,
} as const;

/** Whether `entry.actor` may send this command at all, whatever the phase. Pure; null when allowed. */
export function authorize(
  scenario: Scenario,
  state: SessionState,
  entry: Pick<LoggedCommand, 'actor' | 'command'>,
): StepError | null {
  const { actor, command } = entry;
  const definition = COMMANDS[command.type];
  if (definition.senders === 'system') {
    return actor.kind === 'system'
      ? null
      : { code: 'forbidden', message: `'${command.type}' is sent by the server only.` };
  }
  if (actor.kind === 'system')
    return {
      code: 'forbidden',
      message: `The server itself sends only joins, clock ticks and pauses, not '${command.type}'.`,
    };
  if (actor.kind === 'evaluator') {
    if (definition.senders !== 'evaluator')
      return { code: 'forbidden', message: `Evaluators watch and record; they cannot send '${command.type}'.` };
    return evaluatorName(state, actor.evaluatorId) === undefined
      ? { code: 'forbidden', message: 'You are not an evaluator of this session.' }
      : null;
  }
  if (definition.senders === 'evaluator')
    return { code: 'forbidden', message: `Only an evaluator may send '${command.type}'.` };
  if (actor.kind === 'facilitator') {
    return definition.senders === 'player'
      ? { code: 'forbidden', message: SENDER_REFUSALS.player(command.type) }
      : null;
  }
  const player = own(state.players, actor.playerId);
  if (!player || player.removed) return { code: 'forbidden', message: 'You are not seated at this session.' };
  if (definition.senders === 'facilitator')
    return { code: 'forbidden', message: SENDER_REFUSALS.facilitator(command.type) };
  if (player.audience && !definition.audience) {
    return {
      code: 'forbidden',
      message: 'You are watching this session as audience; the facilitator can seat you at the table.',
    };
  }
  return definition.authorize?.(gameOf(scenario), player) ?? null;
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
export function stepWith(
  scenario: Scenario,
  state: SessionState,
  entry: LoggedCommand,
  mode: 'live' | 'replay',
  owned = mode === 'replay',
): StepResult<SessionState> {
  // Only the four logged fields: a store's entry carries more (its command key) and is still valid.
  const logged =
    typeof entry === 'object' && entry !== null
      ? { seq: entry.seq, at: entry.at, actor: entry.actor, command: entry.command }
      : entry;
  const parsed = loggedCommandSchema.safeParse(logged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(
      'invalid',
      `Malformed command${issue?.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue?.message ?? 'unknown shape'}.`,
    );
  }
  const { command, actor } = parsed.data;
  if (parsed.data.seq !== state.seq + 1)
    return fail('invalid', `Expected command number ${state.seq + 1}, got ${parsed.data.seq}.`);
  // Signing off freezes the exercise's record (an auditor's evidence): the log ends there.
  const frozen = frozenError(state);
  if (frozen) return { ok: false, error: frozen };
  const denied = authorize(scenario, state, { actor, command });
  if (denied) return { ok: false, error: denied };
  const game = gameOf(scenario);
  if (!possibleNow(game, state, command.type, command)) {
    return fail('wrong-phase', `'${command.type}' is not possible while the session is ${phaseOf(state)}.`);
  }
  const typed = typedText(command);
  if (mode === 'live') {
    const over = overBudget(state, actor, command, typed);
    if (over) return { ok: false, error: over };
  }
  const draft = openDraft(game, state, parsed.data, owned);
  draft.state.textUsed = (state.textUsed ?? 0) + typed;
  const error = handle(draft, command.type, command);
  if (error) return { ok: false, error };
  syncMilestones(draft);
  return { ok: true, state: draft.state };
}

/** Why a new command would take the session past one of its limits, or null. */
function overBudget(
  state: SessionState,
  actor: LoggedCommand['actor'],
  command: LoggedCommand['command'],
  typed: number,
): StepError | null {
  const used = state.textUsed ?? 0;
  if (typed > 0 && used + typed > SESSION_LIMITS.text) {
    return {
      code: 'budget',
      message: `This session has reached its limit of ${SESSION_LIMITS.text} typed characters; nothing more can be written in it.`,
    };
  }
  if (command.type === 'player.join' && Object.keys(state.players).length >= SESSION_LIMITS.players) {
    return {
      code: 'budget',
      message: `This table is full: a session seats at most ${SESSION_LIMITS.players} players.`,
    };
  }
  // Only players are held to the timeline's size: the facilitator must always be able to run the game.
  if (actor.kind === 'player' && command.type !== 'choice.vote' && state.timeline.length >= SESSION_LIMITS.timeline) {
    return {
      code: 'budget',
      message: `This session's timeline is full (${SESSION_LIMITS.timeline} entries); ask the facilitator to carry on.`,
    };
  }
  return null;
}

/** Whether the command makes sense now: asked of the machine when it drives it, else by its phases. */
function possibleNow<K extends CommandType>(game: Game, state: SessionState, type: K, command: CommandOf<K>): boolean {
  const { event, phases } = COMMANDS[type];
  if (event) return canSend(game, state.game, event(command));
  if (phases) return phases.includes(phaseOf(state));
  throw new Error(`The definition of '${type}' names neither an event nor phases.`);
}

/** Runs a command's own handler: `type` and `command` agree, so the table hands it exactly its command. */
function handle<K extends CommandType>(draft: Draft, type: K, command: CommandOf<K>): StepError | void {
  return COMMANDS[type].handle(draft, command);
}

/**
 * `step` for a caller that owns the state's append-only lists (see `ownLists`) and keeps only the
 * result, as a headless playthrough does: appends go in place instead of copying each list per
 * command. A refused command leaves the state as it was: its appends are taken back.
 */
export function stepInPlace(scenario: Scenario, state: SessionState, entry: LoggedCommand): StepResult<SessionState> {
  const lengths = new Map<unknown[], number>();
  for (const value of Object.values(state)) if (Array.isArray(value)) lengths.set(value, value.length);
  const result = stepWith(scenario, state, entry, 'live', true);
  if (!result.ok) for (const [list, length] of lengths) list.length = length;
  return result;
}
