import { initialTransition } from 'xstate';
import { gameOf } from '../compile/game.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { GameContext, SessionState } from './state.ts';

export interface SessionOptions {
  /** The SHA-256 of the scenario's text, kept in the incident record. */
  scenarioHash: string;
  team?: string | null;
  /** Wall-clock ms of creation, stamped by the server. */
  createdAt: number;
}

/** A new session in the lobby. Pure: the seed and time come in as data. */
export function createSession(scenario: Scenario, seed: string, options: SessionOptions): SessionState {
  const game = gameOf(scenario);
  const input: GameContext = {
    clock: 0,
    flags: Object.fromEntries(scenario.flags.map((f) => [f, false])),
    health: Object.fromEntries(scenario.system.components.map((c) => [c.id, c.health])),
    visited: [],
    rolesPresent: [],
    ending: null,
    outcome: null,
  };
  const [snapshot] = initialTransition(game.machine, input);
  return {
    scenarioId: scenario.id,
    scenarioHash: options.scenarioHash,
    seed,
    team: options.team ?? null,
    seq: 0,
    game: { value: snapshot.value as SessionState['game']['value'], context: snapshot.context },
    paused: false,
    pace: null,
    players: {},
    revealed: [],
    timeline: [],
    path: [],
    votes: {},
    proposals: [],
    declarations: [],
    coaching: [],
    milestones: {},
    decisions: [],
    rolls: [],
    rollCounts: {},
    actionItems: [],
    textUsed: 0,
    createdAt: options.createdAt,
    startedAt: null,
    endedAt: null,
    lastAt: options.createdAt,
  };
}
