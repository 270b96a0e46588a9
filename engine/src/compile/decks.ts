import { dealOption, shuffleDeck } from '../dice/deck.ts';
import type { Card, Deal } from '../scenario/deck-schema.ts';
import type { Health, Scenario } from '../scenario/schema.ts';
import type { GameContext, Story1_1 } from '../session/state.ts';

/** Format 1.1's decks in the machine: the seeded piles, what is dealt at setup and what each draw takes. */

/** What a card does to the machine's context: the part of an effect the machine holds. */
export interface CardEffects {
  set?: string[] | undefined;
  clear?: string[] | undefined;
  health?: Record<string, Health> | undefined;
  add?: Record<string, number> | undefined;
  assign?: Record<string, number> | undefined;
}

/** A scenario's deals and its cards' effects by deck and card id: the params of the deck actions, plain data. */
export interface DeckRules {
  deals: Deal[];
  cards: Record<string, Record<string, CardEffects>>;
}

/** One card dealt at setup: by which of the scenario's deals, from which deck (null for a parameter's option). */
export interface DealtCard {
  deal: number;
  deck: string | null;
  parameter: string | null;
  card: string;
}

const effectsOf = (card: Card): CardEffects => ({
  set: card.set,
  clear: card.clear,
  health: card.health,
  add: card.add,
  assign: card.assign,
});

const rulesCache = new WeakMap<Scenario, DeckRules>();

/** The deck rules of a scenario, built once per scenario object. Pure. */
export function deckRules(scenario: Scenario): DeckRules {
  let rules = rulesCache.get(scenario);
  if (!rules) {
    const cards = Object.fromEntries(
      Object.entries(scenario.decks ?? {}).map(([deck, list]) => [
        deck,
        Object.fromEntries(list.map((card) => [card.id, effectsOf(card)])),
      ]),
    );
    rules = { deals: scenario.deal ?? [], cards };
    rulesCache.set(scenario, rules);
  }
  return rules;
}

/** Whether a scenario has decks or deals: only then does its session's context hold piles. */
export const usesDecks = (scenario: Scenario): boolean => scenario.decks !== undefined || scenario.deal !== undefined;

/**
 * The deck part of a new session's context: each deck shuffled from the seed, and each parameter a
 * deal holds set to the dealt card or option (a session parameter set later fixes it instead). Pure.
 */
export function decksAtSetup(
  scenario: Scenario,
  seed: string,
  parameters: Record<string, string>,
): Pick<Story1_1, 'piles' | 'drawn' | 'parameters'> {
  const piles = Object.fromEntries(
    Object.entries(scenario.decks ?? {}).map(([deck, cards]) => [
      deck,
      shuffleDeck(
        cards.map((c) => c.id),
        seed,
        deck,
      ),
    ]),
  );
  const dealtParameters = { ...parameters };
  for (const deal of scenario.deal ?? []) {
    if (deal.parameter === undefined) continue;
    const options = scenario.parameters?.find((p) => p.id === deal.parameter)?.options ?? [];
    const top = deal.deck === undefined ? undefined : piles[deal.deck]?.[0];
    const dealt = top ?? (options.length > 0 ? dealOption(options, seed, deal.parameter) : undefined);
    if (dealt !== undefined) dealtParameters[deal.parameter] = dealt;
  }
  return { piles, drawn: [], parameters: dealtParameters };
}

/** The cards dealt at setup, as the context now has them (a parameter set since fixes its deal). Pure. */
export function dealtCards(deals: readonly Deal[], context: GameContext): DealtCard[] {
  const out: DealtCard[] = [];
  for (const [i, deal] of deals.entries()) {
    const parameter = deal.parameter ?? null;
    if (parameter !== null) {
      const card = context.parameters?.[parameter];
      if (card !== undefined) out.push({ deal: i, deck: deal.deck ?? null, parameter, card });
      continue;
    }
    if (deal.deck === undefined) continue;
    // Several deals from one deck take the next cards of its pile in turn.
    const taken = new Set(out.filter((d) => d.deck === deal.deck).map((d) => d.card));
    const pile = (context.piles?.[deal.deck] ?? []).filter((c) => !taken.has(c));
    for (const card of pile.slice(0, deal.count)) out.push({ deal: i, deck: deal.deck, parameter: null, card });
  }
  return out;
}

/** The next card of `deck`'s pile that was neither dealt nor drawn, or null when none is left. Pure. */
export function nextCard(rules: DeckRules, context: GameContext, deck: string): string | null {
  const gone = new Set([
    ...dealtCards(rules.deals, context)
      .filter((d) => d.deck === deck)
      .map((d) => d.card),
    ...(context.drawn ?? []).filter((d) => d.deck === deck).map((d) => d.card),
  ]);
  return context.piles?.[deck]?.find((card) => !gone.has(card)) ?? null;
}

/**
 * The machine actions of an effect's `draw`: take the next card and apply it, then announce it to
 * `to` (the roles an inject goes to), or to everyone when null.
 */
export function drawActions(rules: DeckRules, deck: string | undefined, to: readonly string[] | null = null) {
  if (deck === undefined) return [];
  return [
    { type: 'draw' as const, params: { deck, rules } },
    { type: 'cardDrawn' as const, params: { deck, to } },
  ];
}

/** The cards of a session so far: dealt at setup (as its parameters now fix them) and drawn in play. Pure. */
export function cardsOf(
  scenario: Scenario,
  context: GameContext,
): { dealt: DealtCard[]; drawn: Story1_1['drawn'] & {} } {
  return { dealt: dealtCards(deckRules(scenario).deals, context), drawn: context.drawn ?? [] };
}
