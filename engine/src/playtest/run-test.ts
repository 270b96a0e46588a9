import type { Actor, Command, CommandInput } from '../protocol/commands.ts';
import { asPlayerId } from '../protocol/ids.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Expectation, ScenarioTest, TestStep } from '../scenario/tests-schema.ts';
import { createSession } from '../session/create.ts';
import { CURRENT_RULES } from '../session/rules.ts';
import { phaseOf, sceneOf } from '../session/phase.ts';
import type { SessionState } from '../session/state.ts';
import { step } from '../session/step.ts';

/** Where a test went wrong: a step's index, or null for the test's final `expect`. */
export interface TestFailure {
  step: number | null;
  message: string;
}

export interface TestResult {
  name: string;
  failure: TestFailure | null;
  state: SessionState;
}

/** A fixed wall clock (a minute per command): tests never read the real time. */
const EPOCH = 1_700_000_000_000;
const FACILITATOR: Actor = { kind: 'facilitator' };
const seatOf = (role: string) => asPlayerId(`player-${role}`);
const as = (role: string): Actor => ({ kind: 'player', playerId: seatOf(role) });

type Body = CommandInput extends infer C ? (C extends CommandInput ? Omit<C, 'id'> : never) : never;

/** The command a step stands for, or null for a step that is not a command (`set`, `clear`, `expect`). */
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
  if ('choose' in s) return `choose ${s.choose}${s.roll === undefined ? '' : ` (roll ${s.roll})`}`;
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

const MILESTONES = ['detected', 'acknowledged', 'mitigated', 'resolved'] as const;

/** What is wrong with `state` against `expected`, or null when it matches. Pure. */
export function mismatch(state: SessionState, expected: Expectation): string | null {
  const { context } = state.game;
  const problems: string[] = [];
  if (expected.ending !== undefined && context.ending !== expected.ending)
    problems.push(`expected ending '${expected.ending}', ${reached(state)}`);
  if (expected.outcome !== undefined && context.outcome !== expected.outcome)
    problems.push(`expected outcome ${expected.outcome}, got ${context.outcome ?? 'none (the game still runs)'}`);
  if (expected.milestones) {
    const got = MILESTONES.filter((m) => state.milestones[m] !== undefined);
    const want = MILESTONES.filter((m) => expected.milestones?.includes(m));
    if (got.join() !== want.join()) problems.push(`expected milestones [${want.join(', ')}], got [${got.join(', ')}]`);
  }
  for (const [flag, value] of Object.entries(expected.flags ?? {}))
    if ((context.flags[flag] ?? false) !== value) problems.push(`expected flag '${flag}' to be ${value}`);
  if (expected.scene !== undefined && sceneOf(state) !== expected.scene)
    problems.push(`expected to be in scene '${expected.scene}', ${reached(state)}`);
  if (expected.clock_at_least !== undefined && context.clock < expected.clock_at_least)
    problems.push(`expected the clock at ${expected.clock_at_least} min or later, it reads ${context.clock}`);
  if (expected.clock_at_most !== undefined && context.clock > expected.clock_at_most)
    problems.push(`expected the clock at ${expected.clock_at_most} min or earlier, it reads ${context.clock}`);
  return problems.length === 0 ? null : `${problems.join('; ')}.`;
}

function reached(state: SessionState): string {
  const { ending } = state.game.context;
  if (ending) return `reached ending '${ending}'`;
  const scene = sceneOf(state);
  return scene ? `the game is ${phaseOf(state)} in scene '${scene}'` : `the game is ${phaseOf(state)}`;
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

/** A session seated with `roles` (one player each), briefed and started: where every test begins. */
function startedSession(
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

/**
 * Plays one scripted test through the real engine, from a fresh session with its seats briefed and
 * started. Pure. Stops at the first step the engine refuses or whose `expect` does not hold, and
 * names it; otherwise checks the test's final `expect`.
 */
export function runScenarioTest(scenario: Scenario, test: ScenarioTest): TestResult {
  const seats = test.seats ?? scenario.roles.map((r) => r.id);
  const started = startedSession(scenario, test.seed ?? `test:${test.name}`, seats, test.parameters);
  if (typeof started === 'string') {
    const fresh = createSession(scenario, 'test', { scenarioHash: 'test', createdAt: EPOCH });
    return { name: test.name, failure: { step: null, message: started }, state: fresh };
  }
  let state = started;
  for (const [index, s] of test.steps.entries()) {
    const fail = (message: string): TestResult => ({
      name: test.name,
      failure: { step: index, message: `${describeStep(s)}: ${message}` },
      state,
    });
    if ('set' in s || 'clear' in s) {
      state = 'set' in s ? withFlags(state, s.set, true) : withFlags(state, s.clear, false);
      continue;
    }
    if ('expect' in s) {
      const wrong = mismatch(state, s.expect);
      if (wrong) return fail(wrong);
      continue;
    }
    if ('confirm' in s) {
      const waiting = state.declarations.find((d) => d.status === 'pending' && d.kind === s.confirm);
      if (!waiting) return fail(`no declaration of '${s.confirm}' waits for the facilitator`);
      const result = apply(scenario, state, FACILITATOR, { type: 'declaration.confirm', declarationId: waiting.id });
      if (!result.ok) return fail(`refused (${result.error.code}): ${result.error.message}`);
      state = result.state;
      continue;
    }
    const [actor, command] = commandOf(s) as [Actor, Body];
    const result = apply(scenario, state, actor, command);
    if (!result.ok) return fail(`refused (${result.error.code}): ${result.error.message}`);
    state = result.state;
  }
  const wrong = mismatch(state, test.expect);
  return { name: test.name, failure: wrong ? { step: null, message: wrong } : null, state };
}
