import { didYouMean } from './did-you-mean.ts';
import type { Reporter } from './reporter.ts';
import { effects, type Path } from './scenario-parts.ts';
import type { Scenario } from './schema.ts';

/** Format 1.1's decks and deals checked where they are written: CQ2107–CQ2111. */

function unknownDeck(scenario: Scenario, report: Reporter, deck: string, path: Path): void {
  const known = new Set(Object.keys(scenario.decks ?? {}));
  if (known.has(deck)) return;
  const list = known.size === 0 ? ' None are declared: add it under `decks`.' : ` Decks: ${[...known].join(', ')}.`;
  report.at('CQ2107', path, `there is no deck '${deck}'.${didYouMean(deck, known) || list}`);
}

/** Each deck has cards, each with an id of its own. */
function deckContents(scenario: Scenario, report: Reporter): void {
  for (const [deck, cards] of Object.entries(scenario.decks ?? {})) {
    if (cards.length === 0)
      report.at('CQ2108', ['decks', deck], `the deck '${deck}' has no cards, so every draw from it finds it empty.`);
    const seen = new Set<string>();
    for (const [j, card] of cards.entries()) {
      if (seen.has(card.id))
        report.at('CQ2110', ['decks', deck, j, 'id'], `the deck '${deck}' already has a card '${card.id}'.`);
      seen.add(card.id);
    }
  }
}

/** What each deal needs to mean something, and that deals from one deck fit in it. */
function deals(scenario: Scenario, report: Reporter): void {
  const taken = new Map<string, number>();
  for (const [i, deal] of (scenario.deal ?? []).entries()) {
    const path = ['deal', i];
    if (deal.deck === undefined && deal.parameter === undefined) {
      report.at('CQ2111', path, 'a deal needs a `deck` to deal from, a `parameter` to deal an option of, or both.');
      continue;
    }
    if (deal.deck !== undefined) unknownDeck(scenario, report, deal.deck, [...path, 'deck']);
    const cards = deal.deck === undefined ? undefined : scenario.decks?.[deal.deck];
    if (deal.parameter !== undefined)
      dealtParameter(
        scenario,
        report,
        i,
        cards?.map((c) => c.id),
      );
    if (!cards) continue;
    const total = (taken.get(deal.deck as string) ?? 0) + (deal.parameter === undefined ? deal.count : 1);
    taken.set(deal.deck as string, total);
    if (total > cards.length && cards.length > 0)
      report.at(
        'CQ2109',
        [...path, 'count'],
        `the deals take ${total} cards from '${deal.deck}', which holds ${cards.length}; deal fewer or add cards.`,
      );
  }
}

function dealtParameter(scenario: Scenario, report: Reporter, i: number, cards: string[] | undefined): void {
  const deal = scenario.deal?.[i];
  if (!deal?.parameter) return;
  const path = ['deal', i, 'parameter'];
  const parameter = scenario.parameters?.find((p) => p.id === deal.parameter);
  if (!parameter) {
    const known = new Set((scenario.parameters ?? []).map((p) => p.id));
    const hint = didYouMean(deal.parameter, known) || ' Declare it under `parameters`.';
    report.at('CQ2111', path, `there is no parameter '${deal.parameter}'.${hint}`);
    return;
  }
  if (deal.count !== 1)
    report.at(
      'CQ2111',
      ['deal', i, 'count'],
      'a parameter holds one value, so a deal into a parameter deals one card.',
    );
  if (!cards) return;
  const options = new Set(parameter.options);
  const differ = cards.filter((c) => !options.has(c)).concat(parameter.options.filter((o) => !cards.includes(o)));
  if (differ.length > 0)
    report.at(
      'CQ2111',
      path,
      `the options of '${parameter.id}' must be the card ids of '${deal.deck}' (${cards.join(', ')}); these differ: ${differ.join(', ')}.`,
    );
}

/** CQ2107–CQ2111: decks, draws and deals. Pure. */
export function lintDecks(scenario: Scenario, report: Reporter): void {
  deckContents(scenario, report);
  deals(scenario, report);
  for (const { value, path } of effects(scenario))
    if ('draw' in value && value.draw !== undefined) unknownDeck(scenario, report, value.draw, [...path, 'draw']);
  const roles = new Set(scenario.roles.map((r) => r.id));
  for (const [i, deal] of (scenario.deal ?? []).entries())
    for (const [k, role] of (deal.to ?? []).entries())
      if (!roles.has(role))
        report.at('CQ2003', ['deal', i, 'to', k], `there is no role '${role}'.${didYouMean(role, roles)}`);
}
