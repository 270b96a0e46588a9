import { and, stateIn } from 'xstate';
import type { Condition, Scenario } from '../scenario/schema.ts';
import { deadlineTransitions, injectTransitions, is1_1 } from './story-1-1.ts';

/**
 * The story's eventless transitions, taken after every event in this order: an ending whose `when`
 * holds first (the session is over, nothing else happens), then every timed inject that is due (in
 * the scenario's order; a scene's own injects only in that scene), then the fault's onset. A 1.1
 * scenario's deadlines come before its injects, which may also be relative, conditional or missed.
 */
export function storyAlways(scenario: Scenario) {
  const endings = scenario.endings
    .filter((e) => e.when !== undefined)
    .map((e) => ({
      guard: { type: 'holds' as const, params: { condition: e.when as Condition } },
      target: '#game.debrief',
      actions: [{ type: 'reachEnding' as const, params: { ending: e.id, outcome: e.outcome } }],
    }));
  const timed = [
    ...(scenario.injects ?? []).map((inject) => ({ inject, scene: null })),
    ...scenario.scenes.flatMap((scene) => (scene.injects ?? []).map((inject) => ({ inject, scene: scene.id }))),
  ].filter(({ inject }) => inject.at !== undefined);
  const injects = timed.map(({ inject, scene }) => {
    const due = { type: 'injectDue' as const, params: { inject: inject.id, at: inject.at as number } };
    return {
      guard: scene === null ? due : and([due, stateIn(`#game.running.${scene}`)]),
      actions: [
        { type: 'recordTimedReveal' as const, params: { inject: inject.id } },
        { type: 'injectFired' as const, params: { inject: inject.id } },
      ],
    };
  });
  const { starts_at: startsAt, affects } = scenario.fault;
  const onset = {
    guard: { type: 'faultDue' as const, params: { startsAt } },
    actions: [
      { type: 'beginFault' as const, params: { affects } },
      { type: 'faultBegan' as const, params: { startsAt } },
    ],
  };
  if (is1_1(scenario))
    return { endings, running: [...endings, ...deadlineTransitions(scenario), ...injectTransitions(scenario), onset] };
  return { endings, running: [...endings, ...injects, onset] };
}
