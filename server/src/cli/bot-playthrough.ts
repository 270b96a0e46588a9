import seedrandom from 'seedrandom';
import {
  CURRENT_RULES,
  createSession,
  incidentRecord,
  phaseOf,
  span,
  step,
  viewFor,
  type Actor,
  type Command,
  type CommandInput,
  asPlayerId,
  asSessionId,
  type FacilitatorView,
  type Outcome,
  type Scenario,
  type SessionState,
} from '@chaos-quest/engine';

/** What one headless playthrough came to. */
export interface Playthrough {
  /** The ending reached, or null when the run got stuck. */
  ending: string | null;
  outcome: Outcome | null;
  /** Scenes entered, in order, with repeats. */
  scenes: string[];
  /** Game minutes from the fault's onset to detection and to resolution, when they happened. */
  detect: number | null;
  resolve: number | null;
  /** Game clock when the run stopped. */
  clock: number;
  steps: number;
}

/** Synthetic wall time: one command every 30 s, so output never depends on the machine's clock. */
const WALL_MS_PER_COMMAND = 30_000;

const FACILITATOR = { kind: 'facilitator' } as const;
const botId = (role: string) => asPlayerId(`bot-${role}`);

/** A command without its id (the table numbers commands itself), kept as a union per command type. */
type Body<T> = T extends unknown ? Omit<T, 'id'> : never;
type Move = { actor: Actor; command: Body<CommandInput> };

/** A table of seeded bots, one per role, and the facilitator, playing one session. */
class Table {
  state: SessionState;
  private readonly scenario: Scenario;

  constructor(scenario: Scenario, seed: string, scenarioHash: string) {
    this.scenario = scenario;
    this.state = createSession(scenario, seed, { scenarioHash, createdAt: 0 });
  }

  /** Applies a command as the server would; false (state unchanged) when the engine refuses it. */
  send(actor: Actor, command: Body<CommandInput>): boolean {
    const seq = this.state.seq + 1;
    const result = step(this.scenario, this.state, {
      seq,
      at: seq * WALL_MS_PER_COMMAND,
      actor,
      command: { id: `c${seq}`, ...command } as Command,
    });
    if (result.ok) this.state = result.state;
    return result.ok;
  }

  seat(): void {
    // As the server opens a session: by the current rules, so a bot's declaration waits as a player's would.
    this.send({ kind: 'system' }, { type: 'session.rules', rules: CURRENT_RULES });
    for (const role of this.scenario.roles) {
      const playerId = botId(role.id);
      this.send({ kind: 'system' }, { type: 'player.join', playerId, name: role.name.slice(0, 40) });
      this.send({ kind: 'player', playerId }, { type: 'role.take', role: role.id });
    }
    this.send(FACILITATOR, { type: 'session.start' });
  }
}

const pick = <T>(rng: () => number, items: readonly T[]): T | undefined => items[Math.floor(rng() * items.length)];

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

/**
 * The bots' next move: mostly the facilitator applying one of the open choices; sometimes the
 * clock, an inject, a declaration or a page acknowledgement. Falls back to a choice, then to
 * the clock, when the drawn kind of move is not possible now.
 */
function nextMove(state: SessionState, view: FacilitatorView, rng: () => number): Move {
  // The facilitator answers a waiting declaration first, as the console asks them to.
  const waiting = state.declarations.find((d) => d.status === 'pending');
  if (waiting) return { actor: FACILITATOR, command: { type: 'declaration.confirm', declarationId: waiting.id } };
  const roll = rng();
  const choice = pick(rng, view.choices);
  const applyChoice: Move | null = choice
    ? { actor: FACILITATOR, command: { type: 'choice.apply', choiceId: choice.id } }
    : null;
  const advance: Move = { actor: FACILITATOR, command: { type: 'clock.advance', minutes: 1 + Math.floor(rng() * 10) } };
  let move: Move | null | undefined = null;
  if (roll < 0.7) move = applyChoice;
  else if (roll < 0.8) move = advance;
  else if (roll < 0.88) {
    const inject = pick(
      rng,
      view.injectPlan.filter((i) => i.available && !i.revealed),
    );
    move = inject && { actor: FACILITATOR, command: { type: 'inject.reveal', injectId: inject.id } };
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

/**
 * Plays one session with bots until it reaches debrief or `maxSteps` moves (stuck). Deterministic:
 * the session seed and the bots' generator (seeded `${seed}:bot`) decide everything.
 */
export function playthrough(scenario: Scenario, scenarioHash: string, seed: string, maxSteps: number): Playthrough {
  const table = new Table(scenario, seed, scenarioHash);
  table.seat();
  const rng = seedrandom(`${seed}:bot`);
  let steps = 0;
  while (phaseOf(table.state) === 'running' && steps < maxSteps) {
    steps++;
    const view = viewFor(scenario, table.state, FACILITATOR) as FacilitatorView;
    const move = nextMove(table.state, view, rng);
    if (!table.send(move.actor, move.command)) table.send(FACILITATOR, { type: 'clock.advance', minutes: 1 });
  }
  const state = table.state;
  const sceneIds = new Set(scenario.scenes.map((s) => s.id));
  const record = incidentRecord(scenario, state, asSessionId(seed));
  const reached = phaseOf(state) === 'debrief';
  return {
    ending: reached ? state.game.context.ending : null,
    outcome: reached ? state.game.context.outcome : null,
    scenes: state.path.filter((id) => sceneIds.has(id)),
    detect: span(record, { from: 'started', to: 'detected' })?.game ?? null,
    resolve: span(record, { from: 'started', to: 'resolved' })?.game ?? null,
    clock: state.game.context.clock,
    steps,
  };
}
