import seedrandom from 'seedrandom';
import {
  availableChoices,
  createSession,
  gameOf,
  phaseOf,
  step,
  asPlayerId,
  type Actor,
  type CommandInput,
  type LoggedCommand,
  type PlayerId,
  type Scenario,
  type SessionState,
} from '@chaos-quest/engine';

/**
 * A long game's command log for benchmarks: players join and take every role, the facilitator
 * starts, and then the table talks for a long time: timeline posts, votes, proposals, hands up and
 * down, coaching, dice, clock ticks and the odd applied choice. Every command is run through the
 * engine's `step` as it is generated and only accepted commands are kept, so the log replays.
 */

/** The session options the log was generated under; replay with these to get the same states. */
export const LONG_LOG_OPTIONS = { scenarioHash: 'bench', team: 'bench', createdAt: 1_700_000_000_000 } as const;

const FACILITATOR: Actor = { kind: 'facilitator' };
const SYSTEM: Actor = { kind: 'system' };
const NAMES = ['Ana', 'Bo', 'Chen', 'Dara', 'Eli', 'Femi', 'Gus', 'Hana'];

/** A command without its id (each is distributed over the union, so fields stay checked). */
type Payload = CommandInput extends infer C ? (C extends CommandInput ? Omit<C, 'id'> : never) : never;
type Draw = (state: SessionState) => { actor: Actor; command: Payload };

/**
 * Returns `n` accepted commands (seq 1..n) for `scenario`, the same for the same `seed`.
 * Throws when the scenario cannot be started (no roles) or a fallback post is refused, which would
 * mean the engine changed what a running session accepts.
 */
export function makeLongLog(scenario: Scenario, n: number, seed: string): LoggedCommand[] {
  const random = seedrandom(`long-log:${seed}`);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const players = scenario.roles
    .slice(0, NAMES.length)
    .map((role, i) => ({ id: asPlayerId(`p${i + 1}`), name: NAMES[i] as string, role: role.id }));
  if (players.length === 0) throw new Error(`Scenario ${scenario.id} has no roles to play.`);
  const seat = (id: PlayerId): Actor => ({ kind: 'player', playerId: id });

  const log: LoggedCommand[] = [];
  let state = createSession(scenario, seed, LONG_LOG_OPTIONS);
  let at: number = LONG_LOG_OPTIONS.createdAt;
  const tryAppend = (actor: Actor, command: Payload, keepRunning: boolean): boolean => {
    if (log.length >= n) return false;
    at += 200 + Math.floor(random() * 2800);
    const entry = { seq: state.seq + 1, at, actor, command: { ...command, id: `c${state.seq + 1}` } } as LoggedCommand;
    const result = step(scenario, state, entry);
    // Ending the game early would leave nothing to do but post: keep the session running.
    if (!result.ok || (keepRunning && phaseOf(result.state) !== 'running')) return false;
    state = result.state;
    log.push(entry);
    return true;
  };

  for (const p of players) tryAppend(SYSTEM, { type: 'player.join', playerId: p.id, name: p.name }, false);
  for (const p of players) tryAppend(seat(p.id), { type: 'role.take', role: p.role }, false);
  if (!tryAppend(FACILITATOR, { type: 'session.start' }, true) && log.length < n)
    throw new Error(`Scenario ${scenario.id} would not start.`);

  const draws = weightedDraws(
    scenario,
    players.map((p) => p.id),
    pick,
    random,
  );
  while (log.length < n) {
    const { actor, command } = pick(draws)(state);
    if (tryAppend(actor, command, true)) continue;
    if (
      !tryAppend(
        FACILITATOR,
        { type: 'timeline.post', text: `Status check ${state.seq + 1}: still investigating.` },
        true,
      )
    ) {
      throw new Error(`The engine refused a facilitator post at seq ${state.seq + 1} in phase ${phaseOf(state)}.`);
    }
  }
  return log;
}

/** The command mix of a long game, as a bag of draws (repeats give weight). */
function weightedDraws(
  scenario: Scenario,
  playerIds: PlayerId[],
  pick: <T>(items: readonly T[]) => T,
  random: () => number,
): Draw[] {
  const anyone = () => ({ kind: 'player', playerId: pick(playerIds) }) as const;
  const post: Draw = () => ({
    actor: random() < 0.8 ? anyone() : FACILITATOR,
    command: { type: 'timeline.post', text: pick(CHATTER) },
  });
  const vote: Draw = (s) => {
    const open = availableChoices(gameOf(scenario), s).map((c) => c.id);
    return {
      actor: anyone(),
      command: { type: 'choice.vote', choiceId: open.length > 0 && random() < 0.9 ? pick(open) : null },
    };
  };
  const propose: Draw = () => ({ actor: anyone(), command: { type: 'action.propose', text: pick(PROPOSALS) } });
  const hand: Draw = (s) => {
    const id = pick(playerIds);
    return { actor: { kind: 'player', playerId: id }, command: { type: 'hand.raise', raised: !s.players[id]?.hand } };
  };
  const tick: Draw = () => ({ actor: SYSTEM, command: { type: 'clock.tick' } });
  const apply: Draw = (s) => {
    const open = availableChoices(gameOf(scenario), s).map((c) => c.id);
    if (open.length === 0) return post(s);
    // A low roll at the table (1–4 fits every die) mostly fails a check, which keeps the game going.
    const physical = random() < 0.5 ? { physical: 1 + Math.floor(random() * 4) } : {};
    return { actor: FACILITATOR, command: { type: 'choice.apply', choiceId: pick(open), ...physical } };
  };
  const roll: Draw = () => ({
    actor: FACILITATOR,
    command: { type: 'dice.roll', dice: 'd20', label: 'Does the cache flush in time?' },
  });
  const coach: Draw = () => ({
    actor: FACILITATOR,
    command: { type: 'coach', playerId: pick(playerIds), text: 'Ask who owns the resolver config.' },
  });
  // About one tick per hundred commands, so a 10,000-command game uses most of a two-hour timebox.
  const bag: [Draw, number][] = [
    [post, 38],
    [vote, 22],
    [propose, 14],
    [hand, 14],
    [tick, 1],
    [apply, 1],
    [roll, 5],
    [coach, 5],
  ];
  return bag.flatMap(([draw, weight]) => Array.from({ length: weight }, () => draw));
}

const CHATTER = [
  'Error rate in eu-west is still climbing, 5xx at 18%.',
  'Dashboards show the resolver answering with stale records.',
  'Customer support reports checkout failures from Ireland.',
  'I am paging the platform lead now.',
  'Status page updated: investigating elevated errors at checkout.',
  'Latency on the edge looks normal; the problem is behind it.',
  'Who approved the TTL change yesterday?',
  'Rollback plan drafted, waiting for a go.',
];

const PROPOSALS = [
  'Roll back the resolver config to yesterday morning.',
  'Flush the DNS caches on the checkout hosts.',
  'Fail checkout traffic over to eu-central.',
  'Post a holding statement for customers.',
];
