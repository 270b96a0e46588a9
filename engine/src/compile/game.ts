import type { Choice, Ending, Inject, Role, Scenario, Scene } from '../scenario/schema.ts';
import { compileMachine, type GameMachine } from './compile.ts';

/** A scenario with its machine and look-up tables, built once per scenario object. */
export interface Game {
  scenario: Scenario;
  machine: GameMachine;
  scenes: ReadonlyMap<string, Scene>;
  endings: ReadonlyMap<string, Ending>;
  roles: ReadonlyMap<string, Role>;
  injects: ReadonlyMap<string, { inject: Inject; scene: string | null }>;
}

const games = new WeakMap<Scenario, Game>();

/** The compiled form of `scenario`, cached by identity. Pure. */
export function gameOf(scenario: Scenario): Game {
  let game = games.get(scenario);
  if (!game) {
    const injects = new Map<string, { inject: Inject; scene: string | null }>();
    for (const inject of scenario.injects ?? []) injects.set(inject.id, { inject, scene: null });
    for (const scene of scenario.scenes)
      for (const inject of scene.injects ?? []) injects.set(inject.id, { inject, scene: scene.id });
    game = {
      scenario,
      machine: compileMachine(scenario),
      scenes: new Map(scenario.scenes.map((s) => [s.id, s])),
      endings: new Map(scenario.endings.map((e) => [e.id, e])),
      roles: new Map(scenario.roles.map((r) => [r.id, r])),
      injects,
    };
    games.set(scenario, game);
  }
  return game;
}

/**
 * Compiles a validated scenario to its XState v5 machine (cached). Pure.
 */
export function compile(scenario: Scenario): GameMachine {
  return gameOf(scenario).machine;
}

export function choicesOf(game: Game, sceneId: string | null): Choice[] {
  return sceneId ? (game.scenes.get(sceneId)?.choices ?? []) : [];
}
