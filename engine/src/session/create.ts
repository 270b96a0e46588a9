import { initialTransition } from 'xstate';
import { gameOf } from '../compile/game.ts';
import { initialStory1_1, is1_1 } from '../compile/story-1-1.ts';
import { decksAtSetup, usesDecks } from '../compile/decks.ts';
import type { Scenario } from '../scenario/schema.ts';
import { persistSnapshot } from './game-snapshot.ts';
import type { GameContext, SessionState } from './state.ts';

export interface SessionOptions {
  /** The SHA-256 of the scenario's text, kept in the incident record. */
  scenarioHash: string;
  team?: string | null;
  /** Wall-clock ms of creation, stamped by the server. */
  createdAt: number;
}

/** A format 1.1 scenario's story context: with its decks shuffled and its deals made from the seed. */
function storyAtSetup(scenario: Scenario, seed: string) {
  if (!is1_1(scenario)) return {};
  const story = initialStory1_1(scenario);
  return usesDecks(scenario) ? { ...story, ...decksAtSetup(scenario, seed, story.parameters) } : story;
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
    revealed: [],
    faultBegun: false,
    ...storyAtSetup(scenario, seed),
  };
  const [snapshot] = initialTransition(game.machine, input);
  // The lobby has no entry actions: nothing for the session to apply from the returned actions.
  return {
    scenarioId: scenario.id,
    scenarioHash: options.scenarioHash,
    seed,
    team: options.team ?? null,
    seq: 0,
    game: persistSnapshot(snapshot),
    pace: null,
    monitoring: 'thresholds',
    table: { locked: false, cap: null, autoPause: true },
    autoPaused: null,
    // A log written before rules were versioned has no `session.rules` step: it keeps the first rules.
    rules: 1,
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
    debriefNotes: [],
    textUsed: 0,
    createdAt: options.createdAt,
    startedAt: null,
    endedAt: null,
    lastAt: options.createdAt,
  };
}

/**
 * A session still in the lobby, as if it had been created with `seed`: the same seats and parameters,
 * its decks shuffled and its deals made again from the new seed (a dealt parameter included). For
 * running many seeded playthroughs of one seated table. Pure; throws for a session past the lobby,
 * whose dice and cards already came from its seed.
 */
export function reseedLobby(scenario: Scenario, lobby: SessionState, seed: string): SessionState {
  if (lobby.game.value !== 'lobby') throw new Error('Only a session in the lobby can take another seed.');
  if (!is1_1(scenario) || !usesDecks(scenario)) return { ...lobby, seed };
  const parameters = lobby.game.context.parameters ?? initialStory1_1(scenario).parameters;
  const context = { ...lobby.game.context, ...decksAtSetup(scenario, seed, parameters) };
  return { ...lobby, seed, game: { ...lobby.game, context } };
}
