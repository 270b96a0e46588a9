import type { Choice, Ending, Inject, Role, Scenario, Scene } from '../scenario/schema.ts';
import { compileMachine, type GameMachine } from './compile.ts';

/** A scenario with its machine and look-up tables, built once per scenario object. */
export interface Game {
  scenario: Scenario;
  machine: GameMachine;
  scenes: ReadonlyMap<string, Scene>;
  endings: ReadonlyMap<string, Ending>;
  roles: ReadonlyMap<string, Role>;
  injects: ReadonlyMap<string, HeldInject>;
}

/** An inject with what holds it: a scene, a module (format 1.1), or the scenario (both null). */
export interface HeldInject {
  inject: Inject;
  scene: string | null;
  module: string | null;
}

const games = new WeakMap<Scenario, Game>();

/** The compiled form of `scenario`, cached by identity. Pure. */
export function gameOf(scenario: Scenario): Game {
  let game = games.get(scenario);
  if (!game) {
    const injects = new Map<string, HeldInject>();
    for (const inject of scenario.injects ?? []) injects.set(inject.id, { inject, scene: null, module: null });
    for (const scene of scenario.scenes)
      for (const inject of scene.injects ?? []) injects.set(inject.id, { inject, scene: scene.id, module: null });
    for (const module of scenario.modules ?? [])
      for (const inject of module.injects ?? []) injects.set(inject.id, { inject, scene: null, module: module.id });
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

/** A scene's choices, then (1.1) the actions open in every scene. */
export function choicesOf(game: Game, sceneId: string | null): Choice[] {
  if (!sceneId) return [];
  const own = game.scenes.get(sceneId)?.choices ?? [];
  return game.scenario.actions ? [...own, ...game.scenario.actions] : own;
}
