import { initialTransition } from 'xstate';
import type { ChoiceBranch, GameEvent } from '../compile/compile.ts';
import { choicesOf, type Game } from '../compile/game.ts';
import { pureTransition } from '../compile/pure-transition.ts';
import { initialStory1_1, is1_1 } from '../compile/story-1-1.ts';
import { branchesOf } from '../scenario/scenario-parts.ts';
import type { Milestone } from '../scenario/schema-atoms.ts';
import type { Choice } from '../scenario/schema.ts';
import type { GameContext } from '../session/state.ts';
import { abstractionOf, abstractKey, type Abstraction } from './abstract-state.ts';
import { abstraction1_1, abstractKey1_1, timersAhead, type Abstraction1_1 } from './abstract-state-1-1.ts';
import { parameterRoots } from './parameter-roots.ts';
import { milestonesAnnounced } from './story-milestones.ts';

type MachineSnapshot = ReturnType<typeof initialTransition<Game['machine']>>[0];

/**
 * A move the table can make: apply a choice (a check lands on one branch), let time pass, a role
 * come or go, or (1.1, for a milestone some condition reads) declare a milestone the facilitator confirms.
 */
export type ExploreMove =
  | { kind: 'choose'; choice: string; branch: ChoiceBranch }
  | { kind: 'advance'; minutes: number }
  | { kind: 'roles'; present: string[] }
  | { kind: 'declare'; milestone: Milestone };

/** One abstract state reached, with a concrete representative (the earliest clock seen for it). */
export interface ExploredState {
  key: string;
  /** The scene the party is in, or null once an ending is reached. */
  scene: string | null;
  /** The ending reached, when the state is one. */
  ending: string | null;
  context: GameContext;
  /** How it was first reached: the state before and the move, or null for the start. */
  via: { from: number; move: ExploreMove } | null;
  /** Choices open here (a check counts as open when its success branch is). */
  open: string[];
}

export interface Exploration {
  abstraction: Abstraction;
  /** The states play starts from: one per set of session parameters explored (1.1), else one. */
  roots: number[];
  states: ExploredState[];
  /** Edges between states, by index: from → to with the move. */
  edges: { from: number; to: number; move: ExploreMove }[];
  /** False when the bound stopped the search: what was not reached may still be reachable. */
  complete: boolean;
  /** The bound on states it ran with. */
  maxStates: number;
}

export interface ExploreOptions {
  /** Abstract states to visit at most (default MAX_STATES); past it the exploration is incomplete. */
  maxStates?: number;
  /** Roles seated when play starts (default every role). */
  seated?: readonly string[];
}

/** The explorer's default budget of abstract states: a few seconds on the largest 1.1 scenario. */
export const MAX_STATES = 20_000;

const whereOf = (snapshot: MachineSnapshot): { scene: string | null; ending: string | null } => {
  const value = snapshot.value as string | Record<string, string>;
  if (typeof value === 'object') return { scene: value['running'] ?? null, ending: null };
  return { scene: null, ending: snapshot.context.ending ?? `(${value})` };
};

interface Rules {
  game: Game;
  abstraction: Abstraction;
  v1_1: Abstraction1_1 | null;
}

function movesFrom({ game, abstraction, v1_1 }: Rules, scene: string, context: GameContext): ExploreMove[] {
  const moves: ExploreMove[] = [];
  for (const choice of choicesOf(game, scene)) {
    const branches: ChoiceBranch[] = choice.check ? branchesOf(choice.check).map((b) => b.key) : ['plain'];
    for (const branch of branches) moves.push({ kind: 'choose', choice: choice.id, branch });
  }
  const times = abstraction.thresholds.filter((t) => t > context.clock);
  if (v1_1) times.push(...timersAhead(v1_1, scene, context).map(([, at]) => at));
  if (times.length > 0) moves.push({ kind: 'advance', minutes: Math.min(...times) - context.clock });
  for (const role of abstraction.rolesRead) {
    const present = context.rolesPresent.includes(role)
      ? context.rolesPresent.filter((r) => r !== role)
      : [...context.rolesPresent, role].sort();
    moves.push({ kind: 'roles', present });
  }
  if (v1_1) for (const milestone of declarable(game, v1_1, context)) moves.push({ kind: 'declare', milestone });
  return moves;
}

/**
 * Milestones some condition reads that the team can bring about themselves once the fault has begun
 * (a declaration the facilitator confirms; before the onset it would be a false alarm), or, for
 * `acknowledged`, once a page has reached them.
 */
function declarable(game: Game, abs: Abstraction1_1, context: GameContext): Milestone[] {
  if (!context.faultBegun) return [];
  const reached = context.reached ?? [];
  const paged =
    (game.scenario.telemetry?.alerts.length ?? 0) > 0 ||
    context.revealed.some((id) => game.injects.get(id)?.inject.page);
  return abs.milestonesRead.filter((m) => !reached.includes(m) && (m !== 'acknowledged' || paged));
}

function eventOf(move: ExploreMove): GameEvent {
  if (move.kind === 'choose') return { type: 'CHOOSE', choice: move.choice, branch: move.branch };
  if (move.kind === 'advance') return { type: 'ADVANCE', minutes: move.minutes };
  if (move.kind === 'roles') return { type: 'ROLES', present: move.present };
  return { type: 'MILESTONE', milestone: move.milestone };
}

/**
 * Takes one move, then (1.1) tells the machine about the milestones it brought, as the session does
 * after every command (session/milestone-sync.ts). Null when the machine does not take the move.
 */
function play(
  game: Game,
  snapshot: MachineSnapshot,
  event: GameEvent,
  chosen: { choice: Choice; branch: ChoiceBranch } | null,
): MachineSnapshot | null {
  const [next, actions] = pureTransition(game.machine, snapshot, event);
  if (next === snapshot) return null;
  if (!is1_1(game.scenario)) return next;
  let at = next;
  const due = milestonesAnnounced(game, actions, chosen);
  for (let milestone = due.shift(); milestone !== undefined; milestone = due.shift()) {
    if (at.context.reached?.includes(milestone)) continue;
    const [after, more] = pureTransition(game.machine, at, { type: 'MILESTONE', milestone });
    at = after;
    due.push(...milestonesAnnounced(game, more, null));
  }
  return at;
}

/**
 * Explores the states a table can reach, driving the compiled machine itself (so guards, timed
 * injects and endings behave exactly as in play), from the start with `seated` roles present.
 * States are told apart by their abstraction (abstract-state.ts); each keeps the earliest clock
 * seen, since the facilitator can always let time pass but never turn it back. A 1.1 scenario is
 * played with its counters, deadlines, cooldowns, modules and injects (abstract-state-1-1.ts), from
 * one start per set of session parameters (parameter-roots.ts). Bounded; pure.
 */
export function explore(game: Game, options: ExploreOptions = {}): Exploration {
  const { scenario, machine } = game;
  const abstraction = abstractionOf(scenario);
  const v1_1 = is1_1(scenario) ? abstraction1_1(game) : null;
  const rules: Rules = { game, abstraction, v1_1 };
  const maxStates = options.maxStates ?? MAX_STATES;
  const input: GameContext = {
    clock: 0,
    flags: Object.fromEntries(scenario.flags.map((f) => [f, false])),
    health: Object.fromEntries(scenario.system.components.map((c) => [c.id, c.health])),
    visited: [],
    rolesPresent: [...(options.seated ?? scenario.roles.map((r) => r.id))].sort(),
    ending: null,
    outcome: null,
    revealed: [],
    faultBegun: false,
    ...(v1_1 ? initialStory1_1(scenario) : {}),
  };
  const states: ExploredState[] = [];
  // A state's machine snapshot is kept only until its moves are tried: holding every one was most of the GC's work.
  const snapshots: (MachineSnapshot | undefined)[] = [];
  const byKey = new Map<string, number>();
  const edges: Exploration['edges'] = [];
  const queue: number[] = [];

  const add = (snapshot: MachineSnapshot, via: ExploredState['via']): number | null => {
    const { scene, ending } = whereOf(snapshot);
    const where = ending ? `#${ending}` : (scene ?? '');
    let key = abstractKey(abstraction, where, snapshot.context);
    if (v1_1 && !ending) key += `|${abstractKey1_1(v1_1, scene, snapshot.context)}`;
    const known = byKey.get(key);
    if (known !== undefined) {
      const state = states[known] as ExploredState;
      if (snapshot.context.clock >= state.context.clock) return known;
      // Reached earlier than before: look again from here, as more may be in time from this clock.
      states[known] = { ...state, context: snapshot.context, via };
      snapshots[known] = snapshot;
      if (scene !== null) queue.push(known);
      return known;
    }
    if (states.length >= maxStates) return null;
    const index = states.length;
    states.push({ key, scene, ending, context: snapshot.context, via, open: [] });
    snapshots.push(snapshot);
    byKey.set(key, index);
    if (scene !== null) queue.push(index);
    return index;
  };

  const roots: number[] = [];
  for (const parameters of parameterRoots(scenario)) {
    const [lobby] = initialTransition(machine, parameters ? { ...input, parameters } : input);
    const first = play(game, lobby, { type: 'START' }, null);
    const root = first ? add(first, null) : null;
    if (root !== null && !roots.includes(root)) roots.push(root);
  }
  let complete = true;
  for (let head = queue.shift(); head !== undefined; head = queue.shift()) {
    const state = states[head] as ExploredState;
    const snapshot = snapshots[head];
    if (state.scene === null || snapshot === undefined) continue;
    snapshots[head] = undefined;
    const open = new Set<string>();
    const here = choicesOf(game, state.scene);
    for (const move of movesFrom(rules, state.scene, state.context)) {
      const choice = move.kind === 'choose' ? here.find((c) => c.id === move.choice) : undefined;
      const next = play(
        game,
        snapshot,
        eventOf(move),
        choice && move.kind === 'choose' ? { choice, branch: move.branch } : null,
      );
      if (next === null) continue;
      if (move.kind === 'choose' && move.branch !== 'failure' && move.branch !== 'critical_failure')
        open.add(move.choice);
      const to = add(next, { from: head, move });
      if (to === null) complete = false;
      else edges.push({ from: head, to, move });
    }
    states[head] = { ...(states[head] as ExploredState), open: [...open] };
  }
  return { abstraction, roots, states, edges, complete, maxStates };
}

/** The moves from the start to state `index`, following how each state was first reached. */
export function pathTo(exploration: Exploration, index: number): ExploreMove[] {
  const moves: ExploreMove[] = [];
  const seen = new Set<number>();
  for (let at = exploration.states[index]; at?.via && !seen.has(at.via.from); at = exploration.states[at.via.from]) {
    seen.add(at.via.from);
    moves.push(at.via.move);
  }
  return moves.reverse();
}
