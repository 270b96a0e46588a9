import { and, assign, setup } from 'xstate';
import type { DeadlineState } from '../scenario/condition-schema.ts';
import { branchesOf, type GradedBranch } from '../scenario/scenario-parts.ts';
import type { Choice, Condition, Health, Milestone, Outcome, Scenario } from '../scenario/schema.ts';
import { holds } from '../scenario/conditions.ts';
import type { Cooldown } from '../scenario/schema-1-1.ts';
import type { GameContext } from '../session/state.ts';
import { LAST_SCENE } from './last-scene.ts';
import { storyAlways } from './story.ts';
import { dueAt, is1_1, moduleOf, type InjectTiming } from './story-1-1.ts';
import { dealtCards, deckRules, drawActions, nextCard, type DeckRules } from './decks.ts';

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
  | { type: 'CLOSE' }
  | { type: 'MILESTONE'; milestone: Milestone }
  | { type: 'PARAMETERS'; values: Record<string, string> };

/** Which way a choice went: no check, or the branch its roll was graded into (graded ones are 1.1). */
export type ChoiceBranch = 'plain' | GradedBranch;

interface Effects {
  set?: string[] | undefined;
  clear?: string[] | undefined;
  health?: Record<string, Health> | undefined;
  takes?: number | undefined;
  add?: Record<string, number> | undefined;
  assign?: Record<string, number> | undefined;
}

const applyEffects = (context: GameContext, effects: Effects): GameContext => {
  const flags = { ...context.flags };
  for (const flag of effects.set ?? []) flags[flag] = true;
  for (const flag of effects.clear ?? []) flags[flag] = false;
  const clock = context.clock + (effects.takes ?? 0);
  const next: GameContext = {
    ...context,
    flags,
    health: effects.health ? { ...context.health, ...effects.health } : context.health,
    clock,
  };
  // Format 1.1's parts exist only in a 1.1 session's context; a 1.0 context keeps its exact shape.
  if (context.counters && (effects.add || effects.assign)) {
    const counters = { ...context.counters, ...effects.assign };
    for (const [name, n] of Object.entries(effects.add ?? {})) counters[name] = (counters[name] ?? 0) + n;
    next.counters = counters;
  }
  if (context.flagsSetAt && effects.set)
    next.flagsSetAt = { ...context.flagsSetAt, ...Object.fromEntries(effects.set.map((f) => [f, clock])) };
  return next;
};

/** Whether a cooldown keeps a choice closed now. */
const coolingDown = (context: GameContext, choice: string): boolean => {
  const until = context.cooldowns?.[choice];
  if (!until) return false;
  return (
    (until.turn !== undefined && (context.turns ?? 0) < until.turn) ||
    (until.clock !== undefined && context.clock < until.clock)
  );
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
    cooledDown: ({ context }, params: { choice: string }) => !coolingDown(context, params.choice),
    /** A 1.1 inject may fire: its time has come (absolute, or after entering its scene or module), it has not expired, its `when` holds. */
    injectReady: ({ context }, params: InjectTiming) => {
      if (context.revealed.includes(params.inject) || context.missed?.includes(params.inject)) return false;
      const due = dueAt(context, params);
      if (due === null || context.clock < due) return false;
      if (params.expires !== null && context.clock > due + params.expires) return false;
      return params.when === null || holds(params.when, context);
    },
    injectExpired: ({ context }, params: InjectTiming) => {
      if (
        params.expires === null ||
        context.revealed.includes(params.inject) ||
        context.missed?.includes(params.inject)
      )
        return false;
      const due = dueAt(context, params);
      return due !== null && context.clock > due + params.expires;
    },
    deadlineStarts: ({ context }, params: { deadline: string; from: Condition }) =>
      context.deadlines?.[params.deadline] === undefined && holds(params.from, context),
    deadlineMet: ({ context }, params: { deadline: string; when: Condition }) =>
      context.deadlines?.[params.deadline]?.state === 'running' && holds(params.when, context),
    deadlinePassed: ({ context }, params: { deadline: string; minutes: number }) => {
      const deadline = context.deadlines?.[params.deadline];
      return deadline?.state === 'running' && context.clock >= deadline.since + params.minutes;
    },
  },
  actions: {
    apply: assign(({ context }, params: Effects) => applyEffects(context, params)),
    visit: assign(({ context }, params: { scene: string; health: Record<string, Health> | null }) => ({
      visited: context.visited.includes(params.scene) ? context.visited : [...context.visited, params.scene],
      health: params.health ? { ...context.health, ...params.health } : context.health,
    })),
    // 1.1: injects timed `after` count from here; entering another module restarts its count.
    arriveAt: assign(({ context }, params: { module: string | null }) => ({
      sceneSince: context.clock,
      module: params.module,
      moduleSince: params.module === context.module ? (context.moduleSince ?? context.clock) : context.clock,
    })),
    countTurn: assign(({ context }) => ({ turns: (context.turns ?? 0) + 1 })),
    startCooldown: assign(({ context }, params: { choice: string; cooldown: Cooldown }) => ({
      cooldowns: {
        ...context.cooldowns,
        [params.choice]: {
          ...(params.cooldown.choices !== undefined ? { turn: (context.turns ?? 0) + params.cooldown.choices } : {}),
          ...(params.cooldown.minutes !== undefined ? { clock: context.clock + params.cooldown.minutes } : {}),
        },
      },
    })),
    reach: assign(({ context, event }) => {
      const reached = context.reached ?? [];
      if (event.type !== 'MILESTONE' || reached.includes(event.milestone)) return {};
      return { reached: [...reached, event.milestone] };
    }),
    setParameters: assign(({ context, event }) =>
      event.type === 'PARAMETERS' ? { parameters: { ...context.parameters, ...event.values } } : {},
    ),
    startDeadline: assign(({ context }, params: { deadline: string }) => ({
      deadlines: {
        ...context.deadlines,
        [params.deadline]: { since: context.clock, state: 'running' as DeadlineState },
      },
    })),
    endDeadline: assign(({ context }, params: { deadline: string; state: DeadlineState }) => {
      const since = context.deadlines?.[params.deadline]?.since ?? context.clock;
      const ended = { since, state: params.state, ended: context.clock };
      return { deadlines: { ...context.deadlines, [params.deadline]: ended } };
    }),
    // 1.1: the next card of the deck's seeded pile; a draw from a deck with nothing left is recorded as such.
    draw: assign(({ context }, params: { deck: string; rules: DeckRules }) => {
      const card = nextCard(params.rules, context, params.deck);
      const effects = card === null ? undefined : params.rules.cards[params.deck]?.[card];
      const next = effects ? applyEffects(context, effects) : context;
      return { ...next, drawn: [...(context.drawn ?? []), { deck: params.deck, card }] };
    }),
    // 1.1: play begins with what was dealt at setup (or fixed by a session parameter since).
    applyDeal: assign(({ context }, params: { rules: DeckRules }) =>
      dealtCards(params.rules.deals, context).reduce((next, dealt) => {
        const effects = dealt.deck === null ? undefined : params.rules.cards[dealt.deck]?.[dealt.card];
        return effects ? applyEffects(next, effects) : next;
      }, context),
    ),
    recordMissed: assign(({ context }, params: { inject: string }) => ({
      missed: [...(context.missed ?? []), params.inject],
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
    injectMissed: (_, _params: { inject: string }) => announce(),
    deadlineEnded: (_, _params: { deadline: string; state: DeadlineState }) => announce(),
    cardDrawn: (_, _params: { deck: string; to: readonly string[] | null }) => announce(),
    dealt: () => announce(),
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
  const v1_1 = is1_1(scenario);
  // 1.0: staying in the scene re-enters nothing, as XState takes a transition to its own source.
  // 1.1: going back to the scene one is in is a new visit (votes reset, the path grows).
  if (goto === from && !v1_1) return { target: `#game.running.${goto}`, actions: [] };
  const scene = scenario.scenes.find((s) => s.id === goto);
  return {
    target: `#game.running.${goto}`,
    ...(goto === from ? { reenter: true } : {}),
    actions: [
      { type: 'visit' as const, params: { scene: goto, health: scene?.health ?? null } },
      ...(v1_1 ? [{ type: 'arriveAt' as const, params: { module: moduleOf(scenario, goto) } }] : []),
      { type: 'sceneEntered' as const, params: { scene: goto } },
    ],
  };
}

/** What taking a choice does in a 1.1 session beyond its effects: a turn passes, a cooldown may start. */
function turnActions(scenario: Scenario, choice: Choice, branch: ChoiceBranch) {
  if (!is1_1(scenario)) return [];
  const cooldown = choice.cooldown;
  const failed = branch === 'failure' || branch === 'critical_failure';
  const cools = cooldown && (cooldown.after === 'any' || failed);
  return [
    { type: 'countTurn' as const },
    ...(cools ? [{ type: 'startCooldown' as const, params: { choice: choice.id, cooldown } }] : []),
  ];
}

function choiceTransitions(scenario: Scenario, sceneId: string, choice: Choice) {
  const base = {
    set: choice.set,
    clear: choice.clear,
    health: choice.health,
    takes: choice.takes,
    add: choice.add,
    assign: choice.assign,
  };
  // A choice's `when` is evaluated here only: the engine asks the machine (`snapshot.can`) what is open.
  const guardFor = (branch: ChoiceBranch) => {
    const picked = { type: 'picked' as const, params: { choice: choice.id, branch } };
    const guards = [
      picked,
      ...(choice.when ? [{ type: 'holds' as const, params: { condition: choice.when } }] : []),
      ...(choice.cooldown ? [{ type: 'cooledDown' as const, params: { choice: choice.id } }] : []),
    ];
    return guards.length === 1 ? picked : and(guards);
  };
  if (choice.check) {
    return branchesOf(choice.check).map(({ key, branch }) => {
      const landing = arrive(scenario, branch.goto ?? choice.goto, sceneId);
      const effects = {
        set: branch.set,
        clear: branch.clear,
        health: branch.health,
        takes: branch.takes,
        add: branch.add,
        assign: branch.assign,
      };
      return {
        guard: guardFor(key),
        ...landing,
        actions: [
          { type: 'apply' as const, params: base },
          ...drawActions(deckRules(scenario), choice.draw),
          { type: 'apply' as const, params: effects },
          ...drawActions(deckRules(scenario), branch.draw),
          ...turnActions(scenario, choice, key),
          ...landing.actions,
        ],
      };
    });
  }
  const landing = arrive(scenario, choice.goto, sceneId);
  return [
    {
      guard: guardFor('plain'),
      ...landing,
      actions: [
        { type: 'apply' as const, params: base },
        ...drawActions(deckRules(scenario), choice.draw),
        ...turnActions(scenario, choice, 'plain'),
        ...landing.actions,
      ],
    },
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
      const open = [...(scene.choices ?? []), ...(scenario.actions ?? [])];
      const choose = open.flatMap((choice) => choiceTransitions(scenario, scene.id, choice));
      return [scene.id, { on: { CHOOSE: choose } }];
    }),
  );
  const { endings, running: runningAlways } = storyAlways(scenario);
  const gotos = [...scenario.scenes, ...scenario.endings].map((s) => ({
    guard: { type: 'targets' as const, params: { target: s.id } },
    ...arrive(scenario, s.id, null),
  }));
  const arrival = arrive(scenario, scenario.start, null);
  const deal = scenario.deal
    ? [{ type: 'applyDeal' as const, params: { rules: deckRules(scenario) } }, { type: 'dealt' as const }]
    : [];
  const start = { target: '#game.running', ...arrival, actions: [...deal, ...arrival.actions] };
  const end = { target: '#game.debrief', actions: 'endWith' as const };
  const reveal = { guard: 'unrevealed' as const, actions: 'recordReveal' as const };

  const v1_1 = is1_1(scenario);
  const parameters = v1_1 ? { PARAMETERS: { actions: 'setParameters' as const } } : {};
  return gameSetup.createMachine({
    id: 'game',
    context: ({ input }) => input,
    initial: 'lobby',
    on: { ROLES: { actions: 'roles' }, ...(v1_1 ? { MILESTONE: { actions: 'reach' as const } } : {}) },
    states: {
      lobby: { on: { BRIEF: 'briefing', START: start, END: end, ...parameters } },
      briefing: { on: { START: start, END: end, ...parameters } },
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
