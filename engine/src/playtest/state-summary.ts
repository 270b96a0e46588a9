import { gameOf } from '../compile/game.ts';
import type { Outcome, Scenario } from '../scenario/schema.ts';
import { dayOf, gameTimeLabel, spansDays } from '../session/game-clock.ts';
import { phaseOf, sceneOf } from '../session/phase.ts';
import type { Phase, SessionState } from '../session/state.ts';
import { storyView, type DeadlineView } from '../views/story-view.ts';
import { reachedMilestones } from './expectation.ts';

/** What an author playtesting needs to see of a state: what the facilitator could see, and more. */
export interface StateSummary {
  phase: Phase;
  scene: { id: string; title: string } | null;
  /** Every flag the story has touched, set or cleared, by name. */
  flags: Record<string, boolean>;
  /** Format 1.1's counters (empty for 1.0). */
  counters: Record<string, number>;
  /** The game clock: minutes since its start, its label ("Day 2 01:30" once past midnight) and day. */
  clock: { minutes: number; label: string; day: number };
  /** Format 1.1's deadlines, with the game minutes left on those that run. */
  deadlines: DeadlineView[];
  /** Format 1.1's current module, and the number of choices applied so far; null for 1.0. */
  module: { id: string; title: string; index: number; count: number } | null;
  turn: number | null;
  /** Of detected, acknowledged, mitigated and resolved, those reached, in that order. */
  milestones: string[];
  /** The ending reached; its id is null when the facilitator ended the session without one. */
  ending: { id: string | null; title: string; outcome: Outcome | null } | null;
  /** Scene ids entered, in order (with repeats), then the ending's id once reached: the graph's path. */
  path: string[];
}

/** The summary of `state`, a session of `scenario`. Pure. */
export function stateSummary(scenario: Scenario, state: SessionState): StateSummary {
  const game = gameOf(scenario);
  const { context } = state.game;
  const sceneId = sceneOf(state);
  const start = scenario.clock.start;
  const story = storyView(game, state);
  const ended = context.ending !== null || context.outcome !== null;
  const ending = context.ending ? game.endings.get(context.ending) : undefined;
  return {
    phase: phaseOf(state),
    scene: sceneId ? { id: sceneId, title: game.scenes.get(sceneId)?.title ?? sceneId } : null,
    flags: { ...context.flags },
    counters: { ...(context.counters ?? {}) },
    clock: {
      minutes: context.clock,
      label: gameTimeLabel(start, context.clock, spansDays(start, 0, context.clock)),
      day: dayOf(start, context.clock),
    },
    deadlines: story?.deadlines ?? [],
    module: story?.module
      ? { id: story.module.id, title: story.module.title, index: story.module.index, count: story.module.count }
      : null,
    turn: story ? story.turn : null,
    milestones: reachedMilestones(state),
    ending: ended
      ? {
          id: context.ending,
          title: ending?.title ?? context.ending ?? 'Ended by the facilitator',
          outcome: context.outcome,
        }
      : null,
    path: [...state.path],
  };
}
