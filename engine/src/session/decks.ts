import { dealtCards, deckRules } from '../compile/decks.ts';
import type { Card } from '../scenario/deck-schema.ts';
import type { RoleId } from '../protocol/ids.ts';
import { markMilestone, note, type Draft } from './draft.ts';
import { revealSecrets } from './story-1-1.ts';
import { renderText } from './template.ts';

/** What the table sees of format 1.1's decks: each card drawn, and (to whom it may) what was dealt. */

function cardOf(draft: Draft, deck: string, id: string): Card {
  const card = draft.game.scenario.decks?.[deck]?.find((c) => c.id === id);
  if (!card) throw new Error(`The machine took card '${id}' of deck '${deck}', which the scenario does not have.`);
  return card;
}

const read = (draft: Draft, text: string) => renderText(draft.game, draft.state.game.context, text);

/**
 * A card drawn (or none, from a deck with nothing left): the table reads it (only the `to` roles, for
 * a card an inject to them drew); its notes stay with the facilitator.
 */
export function cardDrawn(draft: Draft, deck: string, id: string | null, to: string[] | null): void {
  const audience = to ? { roles: to as RoleId[] } : 'all';
  if (id === null) {
    note(draft, 'card', `The ${deck} deck is empty: no card is drawn.`, audience, 'Scenario');
    return;
  }
  const card = cardOf(draft, deck, id);
  note(draft, 'card', `Card drawn from ${deck}: ${card.title}. ${read(draft, card.text)}`, audience, 'Scenario');
  if (card.facilitator_notes)
    note(draft, 'card', `${card.title}: ${read(draft, card.facilitator_notes)}`, 'facilitator', 'Scenario');
  if (card.reveal_secrets) revealSecrets(draft, card.reveal_secrets);
  if (card.milestone) markMilestone(draft, card.milestone, 'outcome');
}

/**
 * Play begins with what was dealt at setup: the facilitator reads each dealt card (or option), and a
 * deal's `to` roles its title and text; no other player hears of it.
 */
export function cardsDealt(draft: Draft): void {
  const { scenario } = draft.game;
  const rules = deckRules(scenario);
  for (const dealt of dealtCards(rules.deals, draft.state.game.context)) {
    const deal = rules.deals[dealt.deal];
    if (dealt.deck === null) {
      const label = scenario.parameters?.find((p) => p.id === dealt.parameter)?.label ?? dealt.parameter;
      note(draft, 'card', `Dealt for "${label}": ${dealt.card}`, 'facilitator', 'Scenario');
      continue;
    }
    const card = cardOf(draft, dealt.deck, dealt.card);
    const text = `Dealt from ${dealt.deck}: ${card.title}. ${read(draft, card.text)}`;
    note(draft, 'card', text, deal?.to ? { roles: deal.to as RoleId[] } : 'facilitator', 'Scenario');
    if (card.facilitator_notes)
      note(draft, 'card', `${card.title}: ${read(draft, card.facilitator_notes)}`, 'facilitator', 'Scenario');
    if (card.reveal_secrets) revealSecrets(draft, card.reveal_secrets);
    if (card.milestone) markMilestone(draft, card.milestone, 'outcome');
  }
}
