import type { Game } from '../compile/game.ts';
import { is1_1 } from '../compile/story-1-1.ts';
import type { DeadlineState } from '../scenario/condition-schema.ts';
import type { SessionState } from '../session/state.ts';

/** A 1.1 deadline as the console shows it. */
export interface DeadlineView {
  id: string;
  title: string;
  /** Not started yet, running, met or missed. */
  state: 'waiting' | DeadlineState;
  /** Game minutes left while it runs; its whole length before it starts; null once it ended. */
  left: number | null;
  /** The game minute it falls due, once it runs. */
  due: number | null;
}

/** The module the exercise is in, with what the facilitator needs to run it. */
export interface ModuleView {
  id: string;
  title: string;
  /** Its place among the scenario's modules, from 1, and how many there are. */
  index: number;
  count: number;
  /** Wall-clock minutes planned for it, and the wall-clock ms it began. */
  budget: number | null;
  startedAt: number;
  questions: string[];
}

/** What a format 1.1 story runs on, for the facilitator's console. */
export interface StoryView {
  counters: Record<string, number>;
  deadlines: DeadlineView[];
  module: ModuleView | null;
  /** Choices applied so far. */
  turn: number;
  /** The scenario's session parameters and the values this session plays with. */
  parameters: { id: string; label: string; value: string }[];
  /** Every module of the scenario, in order, for naming the one an inject belongs to. */
  modules: { id: string; title: string }[];
}

function deadlineView(game: Game, state: SessionState): DeadlineView[] {
  const context = state.game.context;
  return (game.scenario.deadlines ?? []).map((d) => {
    const running = context.deadlines?.[d.id];
    if (!running) return { id: d.id, title: d.title, state: 'waiting', left: d.minutes, due: null };
    const due = running.since + d.minutes;
    return {
      id: d.id,
      title: d.title,
      state: running.state,
      left: running.state === 'running' ? due - context.clock : null,
      due,
    };
  });
}

function moduleView(game: Game, state: SessionState): ModuleView | null {
  const modules = game.scenario.modules ?? [];
  const current = state.module;
  const index = current ? modules.findIndex((m) => m.id === current.id) : -1;
  const module = modules[index];
  if (!current || !module) return null;
  return {
    id: module.id,
    title: module.title,
    index: index + 1,
    count: modules.length,
    budget: module.budget ?? null,
    startedAt: current.startedAt,
    questions: module.questions ?? [],
  };
}

const views = new WeakMap<SessionState['game'], StoryView>();

/** The 1.1 story state of a session, or null for a 1.0 scenario. Pure; shared between projections. */
export function storyView(game: Game, state: SessionState): StoryView | null {
  if (!is1_1(game.scenario)) return null;
  let view = views.get(state.game);
  if (!view || view.module?.startedAt !== state.module?.startedAt) {
    const context = state.game.context;
    view = {
      counters: context.counters ?? {},
      deadlines: deadlineView(game, state),
      module: moduleView(game, state),
      turn: context.turns ?? 0,
      parameters: (game.scenario.parameters ?? []).map((p) => ({
        id: p.id,
        label: p.label,
        value: context.parameters?.[p.id] ?? (p.options[0] as string),
      })),
      modules: (game.scenario.modules ?? []).map((m) => ({ id: m.id, title: m.title })),
    };
    views.set(state.game, view);
  }
  return view;
}
