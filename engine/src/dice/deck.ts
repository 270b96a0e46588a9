import seedrandom from 'seedrandom';

/**
 * A deck's cards in the order this session draws them: a Fisher–Yates shuffle seeded by the session
 * seed and the deck's id (as a roll is by its identity), so adding a deck or a card to one deck never
 * reorders another. Pure.
 */
export function shuffleDeck(cards: readonly string[], seed: string, deckId: string): string[] {
  const rng = seedrandom(`${seed}:deck:${deckId}`);
  const order = [...cards];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  return order;
}

/** One of `options`, seeded by the session seed and the parameter's id: a parameter dealt at setup. Pure. */
export function dealOption(options: readonly string[], seed: string, parameter: string): string {
  const rng = seedrandom(`${seed}:deal:${parameter}`);
  return options[Math.floor(rng() * options.length)] as string;
}
