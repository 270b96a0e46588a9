import type { Actor, Command, CommandInput } from '../protocol/commands.ts';
import { asPlayerId } from '../protocol/ids.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { TestStep } from '../scenario/tests-schema.ts';
import { createSession } from '../session/create.ts';
import { CURRENT_RULES } from '../session/rules.ts';
import type { SessionState } from '../session/state.ts';
import { step } from '../session/step.ts';
import { mismatch } from './expectation.ts';

/**
 * Plays the steps of a scenario's `tests:` through the real engine: what `chaos-quest test` and the
 * studio's solo playtest both run, so a path the studio plays is exactly a path a test replays.
 */

/** A fixed wall clock (a minute per command): tests and playtests never read the real time. */
export const EPOCH = 1_700_000_000_000;
const FACILITATOR: Actor = { kind: 'facilitator' };
/** The seat a role's player sits in: one player per role, named for it. */
export const seatOf = (role: string) => asPlayerId(`player-${role}`);
const as = (role: string): Actor => ({ kind: 'player', playerId: seatOf(role) });

type Body = CommandInput extends infer C ? (C extends CommandInput ? Omit<C, 'id'> : never) : never;

/** The command a step stands for, or null for a step that is not a command (`set`, `clear`, `expect`, `confirm`). */
function commandOf(s: TestStep): [Actor, Body] | null {
  if ('choose' in s) {
    const command: Body =
      s.roll === undefined
        ? { type: 'choice.apply', choiceId: s.choose }
        : { type: 'choice.apply', choiceId: s.choose, physical: s.roll };
    return [s.by ? as(s.by) : FACILITATOR, command];
  }
  if ('advance' in s) return [FACILITATOR, { type: 'clock.advance', minutes: s.advance }];
  if ('reveal' in s) return [FACILITATOR, { type: 'inject.reveal', injectId: s.reveal }];
  if ('ack' in s) return [as(s.by), { type: 'inject.ack', key: s.ack }];
  if ('declare' in s) return [as(s.by), { type: 'incident.declare', kind: s.declare }];
  if ('mark' in s) return [FACILITATOR, { type: 'milestone.mark', milestone: s.mark }];
  if ('goto' in s) return [FACILITATOR, { type: 'scene.goto', sceneId: s.goto }];
  return null;
}

/** A step as the author wrote it, for messages: `choose rollback (roll 14)`. */
export function describeStep(s: TestStep): string {
  if ('choose' in s)
    return `choose ${s.choose}${s.roll === undefined ? '' : ` (roll ${s.roll})`}${s.by ? ` by ${s.by}` : ''}`;
  if ('advance' in s) return `advance ${s.advance} min`;
  if ('reveal' in s) return `reveal ${s.reveal}`;
  if ('ack' in s) return `ack ${s.ack} by ${s.by}`;
  if ('declare' in s) return `declare ${s.declare} by ${s.by}`;
  if ('confirm' in s) return `confirm ${s.confirm}`;
  if ('mark' in s) return `mark ${s.mark}`;
  if ('goto' in s) return `goto ${s.goto}`;
  if ('set' in s) return `set ${s.set.join(', ')}`;
  if ('clear' in s) return `clear ${s.clear.join(', ')}`;
  return 'expect';
}

/** Changes flags between commands, as a test's "given": they take effect from the next step. */
function withFlags(state: SessionState, flags: readonly string[], value: boolean): SessionState {
  const context = state.game.context;
  const next = { ...context.flags, ...Object.fromEntries(flags.map((f) => [f, value])) };
  return { ...state, game: { ...state.game, context: { ...context, flags: next } } };
}

/** Applies one command as the server would, stamping seq and the fixed wall clock. */
function apply(scenario: Scenario, state: SessionState, actor: Actor, command: Body) {
  const seq = state.seq + 1;
  return step(scenario, state, {
    seq,
    at: EPOCH + seq * 60_000,
    actor,
    command: { ...command, id: `t${seq}` } as Command,
  });
}

/** A played step: the state after it, or why it does not fit the state it was played on. */
export type StepPlay = { ok: true; state: SessionState } | { ok: false; message: string };

/**
 * Plays one step on `state`: a command through `step`, a `set`/`clear` on the flags, an `expect`
 * checked against the state (which it leaves as it is). Pure. A refusal is a value naming the
 * engine's reason, never a throw.
 */
export function playStep(scenario: Scenario, state: SessionState, s: TestStep): StepPlay {
  if ('set' in s) return { ok: true, state: withFlags(state, s.set, true) };
  if ('clear' in s) return { ok: true, state: withFlags(state, s.clear, false) };
  if ('expect' in s) {
    const wrong = mismatch(state, s.expect);
    return wrong ? { ok: false, message: wrong } : { ok: true, state };
  }
  let command = commandOf(s);
  if ('confirm' in s) {
    const waiting = state.declarations.find((d) => d.status === 'pending' && d.kind === s.confirm);
    if (!waiting) return { ok: false, message: `no declaration of '${s.confirm}' waits for the facilitator` };
    command = [FACILITATOR, { type: 'declaration.confirm', declarationId: waiting.id }];
  }
  if (!command) throw new Error(`a test step with no command: ${describeStep(s)}`);
  const result = apply(scenario, state, ...command);
  return result.ok
    ? { ok: true, state: result.state }
    : { ok: false, message: `refused (${result.error.code}): ${result.error.message}` };
}

/**
 * A session seated with `roles` (one player each), briefed and started: where every test and
 * playtest begins. Pure. Returns what went wrong setting up the table as a string (a parameter the
 * scenario does not offer, say).
 */
export function startedSession(
  scenario: Scenario,
  seed: string,
  roles: readonly string[],
  parameters: Record<string, string> | undefined,
): SessionState | string {
  let state = createSession(scenario, seed, { scenarioHash: 'test', team: 'test', createdAt: EPOCH });
  // As the server opens a session: by the current rules, so a declaration waits as a player's would.
  const moves: [Actor, Body][] = [[{ kind: 'system' }, { type: 'session.rules', rules: CURRENT_RULES }]];
  moves.push(
    ...roles.flatMap((role): [Actor, Body][] => [
      [{ kind: 'system' }, { type: 'player.join', playerId: seatOf(role), name: `Player ${role}` }],
      [as(role), { type: 'role.take', role }],
    ]),
  );
  if (parameters) moves.push([FACILITATOR, { type: 'session.configure', parameters }]);
  moves.push([FACILITATOR, { type: 'session.brief' }], [FACILITATOR, { type: 'session.start' }]);
  for (const [actor, command] of moves) {
    const result = apply(scenario, state, actor, command);
    if (!result.ok) return `setting up the table (${command.type}): ${result.error.message}`;
    state = result.state;
  }
  return state;
}
