import { initialTransition, transition } from 'xstate';
import type { ChoiceBranch, GameEvent } from '../compile/compile.ts';
import type { Game } from '../compile/game.ts';
import type { GameContext } from '../session/state.ts';
import { abstractionOf, abstractKey, type Abstraction } from './abstract-state.ts';

type MachineSnapshot = ReturnType<typeof initialTransition<Game['machine']>>[0];

/** A move the table can make: apply a choice (a check lands on one branch), let time pass, a role come or go. */
export type ExploreMove =
  | { kind: 'choose'; choice: string; branch: ChoiceBranch }
  | { kind: 'advance'; minutes: number }
  | { kind: 'roles'; present: string[] };

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
  states: ExploredState[];
  /** Edges between states, by index: from → to with the move. */
  edges: { from: number; to: number; move: ExploreMove }[];
  /** False when the bound stopped the search: what was not reached may still be reachable. */
  complete: boolean;
}

export interface ExploreOptions {
  /** Abstract states to visit at most (default 5,000). */
  maxStates?: number;
  /** Roles seated when play starts (default every role). */
  seated?: readonly string[];
}

const whereOf = (snapshot: MachineSnapshot): { scene: string | null; ending: string | null } => {
  const value = snapshot.value as string | Record<string, string>;
  if (typeof value === 'object') return { scene: value['running'] ?? null, ending: null };
  return { scene: null, ending: snapshot.context.ending ?? `(${value})` };
};

function movesFrom(game: Game, abstraction: Abstraction, scene: string, context: GameContext): ExploreMove[] {
  const moves: ExploreMove[] = [];
  for (const choice of game.scenes.get(scene)?.choices ?? []) {
    const branches: ChoiceBranch[] = choice.check ? ['success', 'failure'] : ['plain'];
    for (const branch of branches) moves.push({ kind: 'choose', choice: choice.id, branch });
  }
  const next = abstraction.thresholds.find((t) => t > context.clock);
  if (next !== undefined) moves.push({ kind: 'advance', minutes: next - context.clock });
  for (const role of abstraction.rolesRead) {
    const present = context.rolesPresent.includes(role)
      ? context.rolesPresent.filter((r) => r !== role)
      : [...context.rolesPresent, role].sort();
    moves.push({ kind: 'roles', present });
  }
  return moves;
}

const eventOf = (move: ExploreMove): GameEvent =>
  move.kind === 'choose'
    ? { type: 'CHOOSE', choice: move.choice, branch: move.branch }
    : move.kind === 'advance'
      ? { type: 'ADVANCE', minutes: move.minutes }
      : { type: 'ROLES', present: move.present };

/**
 * Explores the states a table can reach, driving the compiled machine itself (so guards, timed
 * injects and endings behave exactly as in play), from the start with `seated` roles present.
 * States are told apart by their abstraction (abstract-state.ts); each keeps the earliest clock
 * seen, since the facilitator can always let time pass but never turn it back. Bounded; pure.
 */
export function explore(game: Game, options: ExploreOptions = {}): Exploration {
  const { scenario, machine } = game;
  const abstraction = abstractionOf(scenario);
  const maxStates = options.maxStates ?? 5000;
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
  };
  const [lobby] = initialTransition(machine, input);
  const [first] = transition(machine, lobby, { type: 'START' });
  const states: ExploredState[] = [];
  const snapshots: MachineSnapshot[] = [];
  const byKey = new Map<string, number>();
  const edges: Exploration['edges'] = [];
  const queue: number[] = [];

  const add = (snapshot: MachineSnapshot, via: ExploredState['via']): number | null => {
    const { scene, ending } = whereOf(snapshot);
    const key = abstractKey(abstraction, ending ? `#${ending}` : (scene ?? ''), snapshot.context);
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

  add(first, null);
  let complete = true;
  for (let head = queue.shift(); head !== undefined; head = queue.shift()) {
    const state = states[head] as ExploredState;
    const snapshot = snapshots[head] as MachineSnapshot;
    if (state.scene === null) continue;
    const open = new Set<string>();
    for (const move of movesFrom(game, abstraction, state.scene, state.context)) {
      const [next] = transition(machine, snapshot, eventOf(move));
      if (next === snapshot) continue;
      if (move.kind === 'choose' && move.branch !== 'failure') open.add(move.choice);
      const to = add(next, { from: head, move });
      if (to === null) complete = false;
      else edges.push({ from: head, to, move });
    }
    states[head] = { ...(states[head] as ExploredState), open: [...open] };
  }
  return { abstraction, states, edges, complete };
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
