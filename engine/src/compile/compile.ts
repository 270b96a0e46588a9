import { and, assign, setup } from 'xstate';
import type { Branch, Choice, Condition, Health, Outcome, Scenario, Scene } from '../scenario/schema.ts';
import { holds } from '../scenario/conditions.ts';
import type { GameContext } from '../session/state.ts';

/** The events the compiled machine understands. Dice are rolled before CHOOSE: the machine stays pure. */
export type GameEvent =
  | { type: 'BRIEF' }
  | { type: 'START' }
  | { type: 'CHOOSE'; choice: string; branch: 'plain' | 'success' | 'failure' }
  | { type: 'GOTO'; target: string }
  | { type: 'ADVANCE'; minutes: number }
  | { type: 'ROLES'; present: string[] }
  | { type: 'HEALTH'; health: Record<string, Health> }
  | { type: 'END'; outcome: Outcome }
  | { type: 'CLOSE' };

interface Effects {
  set?: string[] | undefined;
  clear?: string[] | undefined;
  health?: Record<string, Health> | undefined;
  takes?: number | undefined;
}

const applyEffects = (context: GameContext, effects: Effects): GameContext => {
  const flags = { ...context.flags };
  for (const flag of effects.set ?? []) flags[flag] = true;
  for (const flag of effects.clear ?? []) flags[flag] = false;
  return {
    ...context,
    flags,
    health: effects.health ? { ...context.health, ...effects.health } : context.health,
    clock: context.clock + (effects.takes ?? 0),
  };
};

const gameSetup = setup({
  types: {} as { context: GameContext; events: GameEvent; input: GameContext },
  guards: {
    holds: ({ context }, params: { condition: Condition }) => holds(params.condition, context),
    picked: ({ event }, params: { choice: string; branch: 'plain' | 'success' | 'failure' }) =>
      event.type === 'CHOOSE' && event.choice === params.choice && event.branch === params.branch,
    targets: ({ event }, params: { target: string }) => event.type === 'GOTO' && event.target === params.target,
  },
  actions: {
    apply: assign(({ context }, params: Effects) => applyEffects(context, params)),
    enter: assign(({ context }, params: { scene: string; health: Record<string, Health> | null }) => ({
      visited: context.visited.includes(params.scene) ? context.visited : [...context.visited, params.scene],
      health: params.health ? { ...context.health, ...params.health } : context.health,
    })),
    reachEnding: assign((_, params: { ending: string; outcome: Outcome }) => ({ ending: params.ending, outcome: params.outcome })),
    advance: assign(({ context, event }) => ({ clock: context.clock + (event.type === 'ADVANCE' ? event.minutes : 0) })),
    roles: assign(({ context, event }) => ({ rolesPresent: event.type === 'ROLES' ? event.present : context.rolesPresent })),
    health: assign(({ context, event }) => ({ health: event.type === 'HEALTH' ? { ...context.health, ...event.health } : context.health })),
    endWith: assign(({ event }) => ({ ending: null, outcome: event.type === 'END' ? event.outcome : null })),
  },
});

/** Where a `goto` lands: a scene inside `play`, or an ending (which moves the session to debrief). */
function arrive(scenario: Scenario, goto: string | undefined) {
  if (goto === undefined) return {};
  const ending = scenario.endings.find((e) => e.id === goto);
  if (ending) {
    return { target: '#game.debrief', actions: [{ type: 'reachEnding' as const, params: { ending: ending.id, outcome: ending.outcome } }] };
  }
  return { target: `#game.play.${goto}` };
}

function choiceTransitions(scenario: Scenario, choice: Choice) {
  const base = { set: choice.set, clear: choice.clear, health: choice.health, takes: choice.takes };
  const guardFor = (branch: 'plain' | 'success' | 'failure') => {
    const picked = { type: 'picked' as const, params: { choice: choice.id, branch } };
    return choice.when ? and([picked, { type: 'holds' as const, params: { condition: choice.when } }]) : picked;
  };
  const branchTransition = (name: 'success' | 'failure', branch: Branch) => {
    const landing = arrive(scenario, branch.goto ?? choice.goto);
    return {
      guard: guardFor(name),
      ...landing,
      actions: [
        { type: 'apply' as const, params: base },
        { type: 'apply' as const, params: { set: branch.set, clear: branch.clear, health: branch.health, takes: branch.takes } },
        ...('actions' in landing ? landing.actions : []),
      ],
    };
  };
  if (choice.check) {
    return [branchTransition('success', choice.check.success), branchTransition('failure', choice.check.failure)];
  }
  const landing = arrive(scenario, choice.goto);
  return [{ guard: guardFor('plain'), ...landing, actions: [{ type: 'apply' as const, params: base }, ...('actions' in landing ? landing.actions : [])] }];
}

function sceneState(scenario: Scenario, scene: Scene) {
  return {
    entry: [{ type: 'enter' as const, params: { scene: scene.id, health: scene.health ?? null } }],
    on: { CHOOSE: (scene.choices ?? []).flatMap((choice) => choiceTransitions(scenario, choice)) },
  };
}

/**
 * Compiles a validated scenario to an XState v5 machine. Guards and actions are named and take
 * plain-data params, so the machine is data all the way down. The engine drives it only through
 * the pure `initialTransition()` / `transition()`; it never starts an actor.
 */
export function compileMachine(scenario: Scenario) {
  const scenes = Object.fromEntries(scenario.scenes.map((scene) => [scene.id, sceneState(scenario, scene)]));
  const endingsByTime = scenario.endings
    .filter((e) => e.when !== undefined)
    .map((e) => ({
      guard: { type: 'holds' as const, params: { condition: e.when as Condition } },
      target: '#game.debrief',
      actions: [{ type: 'reachEnding' as const, params: { ending: e.id, outcome: e.outcome } }],
    }));
  const gotos = [
    ...scenario.scenes.map((s) => ({ guard: { type: 'targets' as const, params: { target: s.id } }, target: `#game.play.${s.id}` })),
    ...scenario.endings.map((e) => ({
      guard: { type: 'targets' as const, params: { target: e.id } },
      target: '#game.debrief',
      actions: [{ type: 'reachEnding' as const, params: { ending: e.id, outcome: e.outcome } }],
    })),
  ];

  return gameSetup.createMachine({
    id: 'game',
    context: ({ input }) => input,
    initial: 'lobby',
    on: { ROLES: { actions: 'roles' } },
    states: {
      lobby: { on: { BRIEF: 'briefing', START: 'play', END: { target: 'debrief', actions: 'endWith' } } },
      briefing: { on: { START: 'play', END: { target: 'debrief', actions: 'endWith' } } },
      play: {
        initial: scenario.start,
        states: scenes,
        always: endingsByTime,
        on: {
          GOTO: gotos,
          ADVANCE: { actions: 'advance' },
          HEALTH: { actions: 'health' },
          END: { target: 'debrief', actions: 'endWith' },
        },
      },
      debrief: { on: { CLOSE: 'ended' } },
      ended: { type: 'final' },
    },
  });
}

export type GameMachine = ReturnType<typeof compileMachine>;
