import { z } from 'zod';
import { effectFields } from './effect-schema.ts';
import { id, text } from './schema-atoms.ts';

/**
 * Format 1.1's decks: cards drawn on an outcome (`draw: complications`) or dealt when the session is
 * set up (`deal:`), each from a shuffle seeded by the session's seed and the deck's id.
 */

const { draw: _draw, narration: _narration, ...cardEffects } = effectFields;

export const cardSchema = z.strictObject({
  id,
  title: z.string().min(1).max(200),
  /** What the table reads when the card is drawn; a dealt card's only the facilitator (and its `to` roles). */
  text,
  /** Never shown to players, whether the card is drawn or dealt. */
  facilitator_notes: text.optional(),
  // A card does what an effect does, but draws nothing (no chains of draws) and its text is its narration.
  ...cardEffects,
});
export type Card = z.infer<typeof cardSchema>;

/** Decks by id; an empty deck is allowed by the schema so that lint can say so where it is written. */
export const decksSchema = z.record(id, z.array(cardSchema).max(60));

export const dealSchema = z.strictObject({
  /** The deck dealt from: its first `count` cards of the session's shuffle. */
  deck: id.optional(),
  /**
   * A session parameter that holds the dealt card (its options are the deck's card ids), or, without
   * `deck`, a parameter whose option is dealt at random. A session created with the parameter set
   * fixes the deal: that is how `tests:` pin it.
   */
  parameter: id.optional(),
  count: z.number().int().min(1).max(20).default(1),
  /** Roles that see the dealt cards (title and text); the facilitator always does, other players never. */
  to: z.array(id).min(1).max(20).optional(),
});
export type Deal = z.output<typeof dealSchema>;
