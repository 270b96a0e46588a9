import seedrandom from 'seedrandom';
import {
  availableChoices,
  cardsOf,
  reseedLobby,
  CURRENT_RULES,
  createSession,
  gameOf,
  incidentRecord,
  phaseOf,
  sceneOf,
  span,
  ownLists,
  stepInPlace,
  type Actor,
  type Choice,
  type Command,
  type CommandInput,
  asPlayerId,
  asSessionId,
  type Game,
  type Outcome,
  type Scenario,
  type SessionState,
} from '@chaos-quest/engine';
import { checkOdds } from './check-odds.ts';

/** How the bots pick among the open choices. */
export const BOT_POLICIES = ['random', 'cautious', 'reckless'] as const;
export type BotPolicy = (typeof BOT_POLICIES)[number];

/** What one headless playthrough came to. */
export interface Playthrough {
  /** The ending reached, or null when the run got stuck. */
  ending: string | null;
  outcome: Outcome | null;
  /** Scenes entered, in order, with repeats. */
  scenes: string[];
  /** Choices applied, in order. */
  choices: string[];
  /** Choices that kept the party in the scene they were taken in, by scene. */
  selfLoops: string[];
  /** Scenario injects revealed, by id. */
  injects: string[];
  /** Cards dealt at setup and drawn in play, by deck (a parameter's id for its dealt option); `card` null: the deck was empty. */
  cards: { deck: string | null; card: string | null; how: 'dealt' | 'drawn' }[];
  /** Each check rolled: the choice, the modifiers' sum it was rolled with, and whether it succeeded. */
  rolls: { choice: string; add: number; success: boolean }[];
  /** Scenes where the bots found every choice closed at some point (the clock had to move them on). */
  deadEnds: string[];
  /** The scene a stuck run stopped in. */
  stuckIn: string | null;
  /** Game minutes from the fault's onset to detection and to resolution, when they happened. */
  detect: number | null;
  resolve: number | null;
  /** Game clock when the run stopped. */
  clock: number;
  steps: number;
}

export interface PlayOptions {
  maxSteps: number;
  policy: BotPolicy;
  /** Roles with a bot seated; every role when null. */
  seats: readonly string[] | null;
}

/** Synthetic wall time: one command every 30 s, so output never depends on the machine's clock. */
const WALL_MS_PER_COMMAND = 30_000;

const FACILITATOR = { kind: 'facilitator' } as const;
const botId = (role: string) => asPlayerId(`bot-${role}`);

/** A command without its id (the table numbers commands itself), kept as a union per command type. */
type Body<T> = T extends unknown ? Omit<T, 'id'> : never;
type Move = { actor: Actor; command: Body<CommandInput> };

/** A table of seeded bots, one per seated role, and the facilitator, playing one session. */
class Table {
  state: SessionState;
  private readonly scenario: Scenario;

  constructor(scenario: Scenario, state: SessionState) {
    this.scenario = scenario;
    this.state = state;
  }

  /**
   * Applies a command as the server would; false (state unchanged) when the engine refuses it. The
   * table owns its state's lists and never looks back, so the engine appends to them in place.
   */
  send(actor: Actor, command: Body<CommandInput>): boolean {
    const seq = this.state.seq + 1;
    const result = stepInPlace(this.scenario, this.state, {
      seq,
      at: seq * WALL_MS_PER_COMMAND,
      actor,
      command: { id: `c${seq}`, ...command } as Command,
    });
    if (result.ok) this.state = result.state;
    return result.ok;
  }

  seat(roles: readonly string[]): void {
    // As the server opens a session: by the current rules, so a bot's declaration waits as a player's would.
    this.send({ kind: 'system' }, { type: 'session.rules', rules: CURRENT_RULES });
    for (const role of this.scenario.roles.filter((r) => roles.includes(r.id))) {
      const playerId = botId(role.id);
      this.send({ kind: 'system' }, { type: 'player.join', playerId, name: role.name.slice(0, 40) });
      this.send({ kind: 'player', playerId }, { type: 'role.take', role: role.id });
    }
  }
}

// Seating reads no dice and no seed, and every run seats the same bots: seat them once per
// scenario and seats, and give each run its own seed (its own shuffle and deal) before play starts.
const seatedLobbies = new WeakMap<Scenario, Map<string, SessionState>>();

function seatedLobby(scenario: Scenario, scenarioHash: string, seed: string, roles: readonly string[]): SessionState {
  let bySeats = seatedLobbies.get(scenario);
  if (!bySeats) seatedLobbies.set(scenario, (bySeats = new Map()));
  const key = `${scenarioHash}|${roles.join(',')}`;
  let lobby = bySeats.get(key);
  if (!lobby) {
    const table = new Table(scenario, createSession(scenario, '', { scenarioHash, createdAt: 0 }));
    table.seat(roles);
    lobby = table.state;
    bySeats.set(key, lobby);
  }
  return reseedLobby(scenario, lobby, seed);
}

const pick = <T>(rng: () => number, items: readonly T[]): T | undefined => items[Math.floor(rng() * items.length)];

/** A draw weighted by `weight`, so a policy leans one way without ever locking into a loop. */
function weighted<T>(rng: () => number, items: readonly T[], weight: (item: T) => number): T | undefined {
  const weights = items.map(weight);
  let left = rng() * weights.reduce((a, b) => a + b, 0);
  for (const [i, item] of items.entries()) {
    left -= weights[i] ?? 0;
    if (left < 0) return item;
  }
  return items[items.length - 1];
}

/** How much a policy likes a choice: the cautious lean to safe odds, the reckless to long shots. */
function preference(policy: BotPolicy, game: Game, state: SessionState, choice: Choice): number {
  if (policy === 'random') return 1;
  const odds = choice.check ? checkOdds(game, state, choice.check) : 1;
  return policy === 'cautious' ? 0.05 + odds : choice.check ? 1.05 - odds : 0.2;
}

/** Pages some bot can still acknowledge: revealed to its role (or everyone) and not yet acknowledged by it. */
function pendingPages(state: SessionState): Move[] {
  const moves: Move[] = [];
  for (const inject of state.revealed) {
    if (!inject.page) continue;
    for (const player of Object.values(state.players)) {
      const sees = inject.to === null || (player.role !== null && inject.to.includes(player.role));
      if (sees && !inject.acknowledgedBy.includes(player.id))
        moves.push({
          actor: { kind: 'player', playerId: player.id },
          command: { type: 'inject.ack', key: inject.key },
        });
    }
  }
  return moves;
}

/** Injects the facilitator may reveal now: not yet revealed, and the scenario's or this scene's. */
function revealable(game: Game, state: SessionState): string[] {
  const scene = sceneOf(state);
  const revealed = new Set<string>(state.revealed.flatMap((r) => (r.injectId ? [r.injectId] : [])));
  return [...game.injects.values()]
    .filter(({ inject, scene: of }) => (of === null || of === scene) && !revealed.has(inject.id))
    .map(({ inject }) => inject.id);
}

/**
 * The bots' next move: mostly the facilitator applying one of the open choices (picked by the
 * policy); sometimes the clock, an inject, a declaration or a page acknowledgement. Falls back to a
 * choice, then to the clock, when the drawn kind of move is not possible now.
 */
function nextMove(
  game: Game,
  state: SessionState,
  open: readonly Choice[],
  rng: () => number,
  policy: BotPolicy,
): Move {
  // The facilitator answers a waiting declaration first, as the console asks them to.
  const waiting = state.declarations.find((d) => d.status === 'pending');
  if (waiting) return { actor: FACILITATOR, command: { type: 'declaration.confirm', declarationId: waiting.id } };
  const roll = rng();
  const choice = weighted(rng, open, (c) => preference(policy, game, state, c));
  const applyChoice: Move | null = choice
    ? { actor: FACILITATOR, command: { type: 'choice.apply', choiceId: choice.id } }
    : null;
  const advance: Move = { actor: FACILITATOR, command: { type: 'clock.advance', minutes: 1 + Math.floor(rng() * 10) } };
  let move: Move | null | undefined = null;
  if (roll < 0.7) move = applyChoice;
  else if (roll < 0.8) move = advance;
  else if (roll < 0.88) {
    const inject = pick(rng, revealable(game, state));
    move = inject ? { actor: FACILITATOR, command: { type: 'inject.reveal', injectId: inject } } : null;
  } else if (roll < 0.94) {
    const player = pick(rng, Object.keys(state.players).sort());
    move =
      player && !state.milestones.detected
        ? {
            actor: { kind: 'player', playerId: asPlayerId(player) },
            command: { type: 'incident.declare', kind: 'incident' },
          }
        : null;
  } else move = pick(rng, pendingPages(state));
  return move ?? applyChoice ?? advance;
}

function cardsPlayed(scenario: Scenario, state: SessionState): Playthrough['cards'] {
  const { dealt, drawn } = cardsOf(scenario, state.game.context);
  return [
    ...dealt.map((d) => ({ deck: d.deck ?? d.parameter, card: d.card, how: 'dealt' as const })),
    ...drawn.map((d) => ({ deck: d.deck, card: d.card, how: 'drawn' as const })),
  ];
}

/**
 * Plays one session with bots until it reaches debrief or `maxSteps` moves (stuck). Deterministic:
 * the session seed and the bots' generator (seeded `${seed}:bot`) decide everything. Reads the
 * engine's state directly rather than a projected view: a view is built for people, and building one
 * per move was most of a simulation's time.
 */
export function playthrough(scenario: Scenario, scenarioHash: string, seed: string, options: PlayOptions): Playthrough {
  const game = gameOf(scenario);
  const table = new Table(
    scenario,
    // Every run starts from the one shared lobby: its own copy of the lists, which it then grows in place.
    ownLists(seatedLobby(scenario, scenarioHash, seed, options.seats ?? scenario.roles.map((r) => r.id))),
  );
  table.send(FACILITATOR, { type: 'session.start' });
  const rng = seedrandom(`${seed}:bot`);
  const deadEnds = new Set<string>();
  const selfLoops: string[] = [];
  let steps = 0;
  while (phaseOf(table.state) === 'running' && steps < options.maxSteps) {
    steps++;
    const open = availableChoices(game, table.state);
    const scene = sceneOf(table.state);
    if (open.length === 0 && scene) deadEnds.add(scene);
    const move = nextMove(game, table.state, open, rng, options.policy);
    const before = table.state.path.length;
    if (!table.send(move.actor, move.command)) table.send(FACILITATOR, { type: 'clock.advance', minutes: 1 });
    else if (move.command.type === 'choice.apply' && scene && table.state.path.length === before) {
      if (sceneOf(table.state) === scene) selfLoops.push(scene);
    }
  }
  const state = table.state;
  const sceneIds = new Set(scenario.scenes.map((s) => s.id));
  const record = incidentRecord(scenario, state, asSessionId(seed));
  const reached = phaseOf(state) === 'debrief';
  return {
    ending: reached ? state.game.context.ending : null,
    outcome: reached ? state.game.context.outcome : null,
    scenes: state.path.filter((id) => sceneIds.has(id)),
    choices: state.decisions.map((d) => d.choice),
    selfLoops,
    injects: state.revealed.flatMap((r) => (r.injectId ? [r.injectId] : [])),
    cards: cardsPlayed(scenario, state),
    rolls: state.rolls.flatMap((r) =>
      r.choice && r.success !== null
        ? [{ choice: r.choice, add: r.modifiers.reduce((n, m) => n + m.add, 0), success: r.success }]
        : [],
    ),
    deadEnds: [...deadEnds],
    stuckIn: reached ? null : sceneOf(state),
    detect: span(record, { from: 'started', to: 'detected' })?.game ?? null,
    resolve: span(record, { from: 'started', to: 'resolved' })?.game ?? null,
    clock: state.game.context.clock,
    steps,
  };
}
