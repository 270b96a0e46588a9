import { and, assign, setup } from 'xstate';
import type { Branch, Choice, Condition, Health, Outcome, Scenario } from '../scenario/schema.ts';
import { holds } from '../scenario/conditions.ts';
import type { GameContext } from '../session/state.ts';
import { LAST_SCENE } from './last-scene.ts';
import { storyAlways } from './story.ts';

/** The events the compiled machine understands. Dice are rolled before CHOOSE: the machine stays pure. */
export type GameEvent =
  | { type: 'BRIEF' }
  | { type: 'START' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'CHOOSE'; choice: string; branch: ChoiceBranch }
  | { type: 'GOTO'; target: string }
  | { type: 'ADVANCE'; minutes: number }
  | { type: 'ROLES'; present: string[] }
  | { type: 'REVEAL'; inject: string }
  | { type: 'END'; outcome: Outcome }
  | { type: 'CLOSE' };

export type ChoiceBranch = 'plain' | 'success' | 'failure';

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

/**
 * Actions that change nothing in the machine: `transition()` returns them as data, with their
 * params, and the session applies what they announce to the parts of its state the machine does not
 * hold (the timeline, the path, milestones on both clocks). See `session/story-effects.ts`.
 */
const announce = () => undefined;

const gameSetup = setup({
  types: {} as { context: GameContext; events: GameEvent; input: GameContext },
  guards: {
    holds: ({ context }, params: { condition: Condition }) => holds(params.condition, context),
    picked: ({ event }, params: { choice: string; branch: ChoiceBranch }) =>
      event.type === 'CHOOSE' && event.choice === params.choice && event.branch === params.branch,
    targets: ({ event }, params: { target: string }) => event.type === 'GOTO' && event.target === params.target,
    unrevealed: ({ context, event }) => event.type === 'REVEAL' && !context.revealed.includes(event.inject),
    injectDue: ({ context }, params: { inject: string; at: number }) =>
      context.clock >= params.at && !context.revealed.includes(params.inject),
    faultDue: ({ context }, params: { startsAt: number }) => !context.faultBegun && context.clock >= params.startsAt,
  },
  actions: {
    apply: assign(({ context }, params: Effects) => applyEffects(context, params)),
    visit: assign(({ context }, params: { scene: string; health: Record<string, Health> | null }) => ({
      visited: context.visited.includes(params.scene) ? context.visited : [...context.visited, params.scene],
      health: params.health ? { ...context.health, ...params.health } : context.health,
    })),
    reachEnding: assign((_, params: { ending: string; outcome: Outcome }) => ({
      ending: params.ending,
      outcome: params.outcome,
    })),
    advance: assign(({ context, event }) => ({
      clock: context.clock + (event.type === 'ADVANCE' ? event.minutes : 0),
    })),
    roles: assign(({ context, event }) => ({
      rolesPresent: event.type === 'ROLES' ? event.present : context.rolesPresent,
    })),
    endWith: assign(({ event }) => ({ ending: null, outcome: event.type === 'END' ? event.outcome : null })),
    recordReveal: assign(({ context, event }) => ({
      revealed: event.type === 'REVEAL' ? [...context.revealed, event.inject] : context.revealed,
    })),
    recordTimedReveal: assign(({ context }, params: { inject: string }) => ({
      revealed: [...context.revealed, params.inject],
    })),
    // The fault degrades what it affects unless something already made it worse.
    beginFault: assign(({ context }, params: { affects: string[] }) => ({
      faultBegun: true,
      health: {
        ...context.health,
        ...Object.fromEntries(
          params.affects.filter((c) => (context.health[c] ?? 'ok') === 'ok').map((c) => [c, 'degraded']),
        ),
      },
    })),
    sceneEntered: (_, _params: { scene: string }) => announce(),
    injectFired: (_, _params: { inject: string }) => announce(),
    faultBegan: (_, _params: { startsAt: number }) => announce(),
    concluded: () => announce(),
  },
});

/**
 * Where a `goto` lands: a scene (with its arrival actions), or an ending (which moves the session to
 * debrief). Arrival is a transition action, not the scene's entry action: resuming from pause
 * re-enters the scene through the history state, and that is not arriving in it again.
 */
function arrive(scenario: Scenario, goto: string | undefined, from: string | null) {
  if (goto === undefined) return { actions: [] };
  const ending = scenario.endings.find((e) => e.id === goto);
  if (ending) {
    return {
      target: '#game.debrief',
      actions: [{ type: 'reachEnding' as const, params: { ending: ending.id, outcome: ending.outcome } }],
    };
  }
  // Staying in the scene re-enters nothing, as XState takes a transition to its own source.
  if (goto === from) return { target: `#game.running.${goto}`, actions: [] };
  const scene = scenario.scenes.find((s) => s.id === goto);
  return {
    target: `#game.running.${goto}`,
    actions: [
      { type: 'visit' as const, params: { scene: goto, health: scene?.health ?? null } },
      { type: 'sceneEntered' as const, params: { scene: goto } },
    ],
  };
}

function choiceTransitions(scenario: Scenario, sceneId: string, choice: Choice) {
  const base = { set: choice.set, clear: choice.clear, health: choice.health, takes: choice.takes };
  // A choice's `when` is evaluated here only: the engine asks the machine (`snapshot.can`) what is open.
  const guardFor = (branch: ChoiceBranch) => {
    const picked = { type: 'picked' as const, params: { choice: choice.id, branch } };
    return choice.when ? and([picked, { type: 'holds' as const, params: { condition: choice.when } }]) : picked;
  };
  const branchTransition = (name: 'success' | 'failure', branch: Branch) => {
    const landing = arrive(scenario, branch.goto ?? choice.goto, sceneId);
    const effects = { set: branch.set, clear: branch.clear, health: branch.health, takes: branch.takes };
    return {
      guard: guardFor(name),
      ...landing,
      actions: [
        { type: 'apply' as const, params: base },
        { type: 'apply' as const, params: effects },
        ...landing.actions,
      ],
    };
  };
  if (choice.check) {
    return [branchTransition('success', choice.check.success), branchTransition('failure', choice.check.failure)];
  }
  const landing = arrive(scenario, choice.goto, sceneId);
  return [
    { guard: guardFor('plain'), ...landing, actions: [{ type: 'apply' as const, params: base }, ...landing.actions] },
  ];
}

/**
 * Compiles a validated scenario to an XState v5 machine that owns the session's lifecycle (lobby,
 * briefing, running ⇄ paused, debrief, ended) and its story: scenes and choices, the fault's onset,
 * timed injects and endings. Guards and actions are named and take plain-data params, so the
 * machine is data all the way down. The engine drives it only through the pure
 * `initialTransition()` / `transition()`; it never starts an actor.
 */
export function compileMachine(scenario: Scenario) {
  const scenes = Object.fromEntries(
    scenario.scenes.map((scene) => {
      const choose = (scene.choices ?? []).flatMap((choice) => choiceTransitions(scenario, scene.id, choice));
      return [scene.id, { on: { CHOOSE: choose } }];
    }),
  );
  const { endings, running: runningAlways } = storyAlways(scenario);
  const gotos = [...scenario.scenes, ...scenario.endings].map((s) => ({
    guard: { type: 'targets' as const, params: { target: s.id } },
    ...arrive(scenario, s.id, null),
  }));
  const start = { target: '#game.running', ...arrive(scenario, scenario.start, null) };
  const end = { target: '#game.debrief', actions: 'endWith' as const };
  const reveal = { guard: 'unrevealed' as const, actions: 'recordReveal' as const };

  return gameSetup.createMachine({
    id: 'game',
    context: ({ input }) => input,
    initial: 'lobby',
    on: { ROLES: { actions: 'roles' } },
    states: {
      lobby: { on: { BRIEF: 'briefing', START: start, END: end } },
      briefing: { on: { START: start, END: end } },
      running: {
        initial: scenario.start,
        states: { ...scenes, [LAST_SCENE]: { type: 'history' } },
        always: runningAlways,
        on: { GOTO: gotos, ADVANCE: { actions: 'advance' }, REVEAL: reveal, PAUSE: 'paused', END: end },
      },
      // A role arriving or leaving may still reach an ending while paused; nothing else moves.
      paused: { always: endings, on: { RESUME: `#game.running.${LAST_SCENE}`, REVEAL: reveal, END: end } },
      debrief: { entry: 'concluded', on: { CLOSE: 'ended' } },
      ended: { type: 'final' },
    },
  });
}

export type GameMachine = ReturnType<typeof compileMachine>;
