import type { Game } from '../compile/game.ts';
import { is1_1 } from '../compile/story-1-1.ts';
import type { DeadlineState } from '../scenario/condition-schema.ts';
import type { SessionState } from '../session/state.ts';
import { dealtCards, deckRules, usesDecks } from '../compile/decks.ts';

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

/** A card as the facilitator's console shows it: dealt at setup or drawn in play. */
export interface CardView {
  /** The deck it came from; null for a parameter's option dealt at setup. */
  deck: string | null;
  id: string;
  title: string;
  text: string;
  notes: string | null;
}

/** A 1.1 scenario's decks in play: what was dealt, what was drawn, and how many cards each deck has left. */
export interface DecksView {
  dealt: CardView[];
  /** Cards drawn, oldest first; `id` null for a draw from an empty deck. */
  drawn: (CardView | { deck: string; id: null })[];
  decks: { id: string; left: number }[];
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
  /**
   * The decks, present only when the scenario has any (so a scenario without them sends the bytes it
   * always did): the facilitator's only, as a dealt card is hidden from the table.
   */
  decks?: DecksView;
}

function cardView(game: Game, deck: string | null, id: string): CardView {
  const card = deck === null ? undefined : game.scenario.decks?.[deck]?.find((c) => c.id === id);
  return { deck, id, title: card?.title ?? id, text: card?.text ?? '', notes: card?.facilitator_notes ?? null };
}

function decksView(game: Game, state: SessionState): DecksView {
  const { scenario } = game;
  const context = state.game.context;
  const rules = deckRules(scenario);
  const dealt = dealtCards(rules.deals, context);
  const drawn = context.drawn ?? [];
  return {
    dealt: dealt.map((d) => cardView(game, d.deck, d.card)),
    drawn: drawn.map((d) => (d.card === null ? { deck: d.deck, id: null } : cardView(game, d.deck, d.card))),
    decks: Object.keys(scenario.decks ?? {}).map((id) => {
      const pile = context.piles?.[id] ?? [];
      const gone = new Set([
        ...dealt.filter((d) => d.deck === id).map((d) => d.card),
        ...drawn.filter((d) => d.deck === id).map((d) => d.card),
      ]);
      return { id, left: pile.filter((c) => !gone.has(c)).length };
    }),
  };
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
      ...(usesDecks(game.scenario) ? { decks: decksView(game, state) } : {}),
    };
    views.set(state.game, view);
  }
  return view;
}
