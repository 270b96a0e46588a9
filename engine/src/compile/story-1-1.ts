import { and, stateIn } from 'xstate';
import type { Condition } from '../scenario/condition-schema.ts';
import { FORMAT_1_1 } from '../scenario/schema-atoms.ts';
import type { Inject, Scenario } from '../scenario/schema.ts';
import type { GameContext, Story1_1 } from '../session/state.ts';
import { deckRules, drawActions } from './decks.ts';

/** Format 1.1's story in the machine: deadlines, and injects with a condition, a relative time and an expiry. */

/** Whether a scenario is written in format 1.1, whose semantics differ where noted (re-entering a scene). */
export const is1_1 = (scenario: Scenario): boolean => scenario.format === FORMAT_1_1;

/** The module holding a scene, or null. */
export function moduleOf(scenario: Scenario, scene: string): string | null {
  return scenario.modules?.find((m) => m.scenes.includes(scene))?.id ?? null;
}

/** When a 1.1 inject falls due and for how long it may still fire: guard params, plain data. */
export interface InjectTiming {
  inject: string;
  at: number | null;
  /** Minutes after entering `scene` or `module`, for an inject held by one. */
  after: number | null;
  module: string | null;
  expires: number | null;
  when: Condition | null;
}

/** A 1.1 inject's timing as guard params: plain data. `module` is the module holding it, if one does. */
export function timingOf(inject: Inject, module: string | null): InjectTiming {
  return {
    inject: inject.id,
    at: inject.at ?? null,
    after: inject.after ?? null,
    module,
    expires: inject.expires ?? null,
    when: inject.when ?? null,
  };
}

/** The game minute an inject falls due in this context, or null when it has no time (yet). */
export function dueAt(context: GameContext, timing: InjectTiming): number | null {
  if (timing.at !== null) return timing.at;
  if (timing.after === null) return null;
  if (timing.module !== null)
    return context.module === timing.module ? (context.moduleSince ?? 0) + timing.after : null;
  return (context.sceneSince ?? 0) + timing.after;
}

interface Held {
  inject: Inject;
  scene: string | null;
  module: string | null;
}

function heldInjects(scenario: Scenario): Held[] {
  return [
    ...(scenario.injects ?? []).map((inject) => ({ inject, scene: null, module: null })),
    ...scenario.scenes.flatMap((s) => (s.injects ?? []).map((inject) => ({ inject, scene: s.id, module: null }))),
    ...(scenario.modules ?? []).flatMap((m) =>
      (m.injects ?? []).map((inject) => ({ inject, scene: null, module: m.id })),
    ),
  ];
}

/**
 * A 1.1 scenario's timed injects: each fires once when due (a scene's only in that scene) and its
 * `when` holds, applying its effect; one with `expires` that was not fired in time is missed.
 */
export function injectTransitions(scenario: Scenario) {
  return heldInjects(scenario)
    .filter(({ inject }) => inject.at !== undefined || inject.after !== undefined)
    .flatMap(({ inject, scene, module }) => {
      const timing = timingOf(inject, module);
      const ready = { type: 'injectReady' as const, params: timing };
      const effect = inject.effect ?? {};
      const fire = {
        guard: scene === null ? ready : and([ready, stateIn(`#game.running.${scene}`)]),
        actions: [
          { type: 'recordTimedReveal' as const, params: { inject: inject.id } },
          {
            type: 'apply' as const,
            params: {
              set: effect.set,
              clear: effect.clear,
              health: effect.health,
              add: effect.add,
              assign: effect.assign,
            },
          },
          { type: 'injectFired' as const, params: { inject: inject.id } },
          // After the announcement it belongs to, so the table reads the inject, then the card.
          ...drawActions(deckRules(scenario), effect.draw, inject.to ?? null),
        ],
      };
      if (timing.expires === null) return [fire];
      const miss = {
        guard: { type: 'injectExpired' as const, params: timing },
        actions: [
          { type: 'recordMissed' as const, params: { inject: inject.id } },
          { type: 'injectMissed' as const, params: { inject: inject.id } },
        ],
      };
      return [fire, miss];
    });
}

/** Each deadline starts when its `from` holds, then is met (checked first) or missed once its time runs out. */
export function deadlineTransitions(scenario: Scenario) {
  return (scenario.deadlines ?? []).flatMap((d) => {
    const effects = (e: typeof d.met) => ({
      set: e?.set,
      clear: e?.clear,
      health: e?.health,
      add: e?.add,
      assign: e?.assign,
    });
    const end = (state: 'met' | 'missed') => [
      { type: 'endDeadline' as const, params: { deadline: d.id, state } },
      { type: 'apply' as const, params: effects(d[state]) },
      { type: 'deadlineEnded' as const, params: { deadline: d.id, state } },
      ...drawActions(deckRules(scenario), d[state]?.draw),
    ];
    return [
      {
        guard: { type: 'deadlineStarts' as const, params: { deadline: d.id, from: d.from } },
        actions: [{ type: 'startDeadline' as const, params: { deadline: d.id } }],
      },
      { guard: { type: 'deadlineMet' as const, params: { deadline: d.id, when: d.met_when } }, actions: end('met') },
      {
        guard: { type: 'deadlinePassed' as const, params: { deadline: d.id, minutes: d.minutes } },
        actions: end('missed'),
      },
    ];
  });
}

/** The 1.1 story part of a new session's machine context. */
export function initialStory1_1(scenario: Scenario): Story1_1 {
  return {
    counters: { ...scenario.counters },
    reached: [],
    flagsSetAt: {},
    deadlines: {},
    parameters: Object.fromEntries((scenario.parameters ?? []).map((p) => [p.id, p.options[0] as string])),
    turns: 0,
    cooldowns: {},
    sceneSince: 0,
    module: null,
    moduleSince: 0,
    missed: [],
  };
}
