import { RATINGS, type Rating, type RatingEntry } from './exercise-state.ts';

/** HSEEP's wording for each rating, as the report prints it. */
export const RATING_LABELS: Readonly<Record<Rating, string>> = {
  P: 'Performed without challenges',
  S: 'Performed with some challenges',
  M: 'Performed with major challenges',
  U: 'Unable to be performed',
};

/**
 * One rating for an objective from its evaluators' ratings: the most challenged of them, so that
 * a report never reads better than any evaluator saw it. Null when nobody rated it. Pure.
 */
export function consolidatedRating(ratings: readonly RatingEntry[], objective: string): Rating | null {
  let worst = -1;
  for (const r of ratings) if (r.objective === objective) worst = Math.max(worst, RATINGS.indexOf(r.rating));
  return worst === -1 ? null : (RATINGS[worst] ?? null);
}
