/**
 * Edit distance with adjacent transpositions counted as one edit (optimal string alignment), so
 * 'failvoer' is one typo away from 'failover'. Stops early once every path exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (before[j - 2] as number) + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/** How many edits still read as a typo rather than a different word. */
const tolerance = (word: string): number => (word.length <= 3 ? 1 : word.length <= 6 ? 2 : 3);

/**
 * The candidate `word` was most likely meant to be, or null when none is close. A case-only
 * difference always wins; ties go to the candidate listed first. Pure.
 */
export function closest(word: string, candidates: Iterable<string>): string | null {
  const lower = word.toLowerCase();
  let best: string | null = null;
  let bestDistance = tolerance(word) + 1;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance =
      candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase(), bestDistance - 1);
    if (distance < bestDistance && distance <= tolerance(candidate)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** " Did you mean 'x'?" when a candidate is close, else ''. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match === null ? '' : ` Did you mean '${match}'?`;
}
