/**
 * NAB v1.1 scoring (numenta/NAB nab/sweeper.py, scorer.py, optimizer.py), ported step by step from
 * tests/fixtures/nab/SCORING.md: probation, windows, the scaled sigmoid, one threshold per detector
 * and profile swept over all files, and normalisation between the null and perfect detectors.
 */
import type { NabFile, Profile } from './corpus.ts';

/** Rows before this index are ignored by the scorer: min(floor(15% of the rows), 15% of 5000). */
export function probationLength(rows: number): number {
  return Math.min(Math.floor(0.15 * rows), 0.15 * 5000);
}

/** NAB's scaled sigmoid: -1 beyond 3, else 2·sigmoid(-5p) - 1 (1 far left of a window end, 0 at it). */
export function scaledSigmoid(p: number): number {
  return p > 3 ? -1 : 2 / (1 + Math.exp(5 * p)) - 1;
}

/**
 * What detecting each row would earn (NAB's "sweep score") and the window it falls in (-1 outside).
 * Probation rows get NaN and are never counted.
 */
export interface RowWeights {
  weight: Float64Array;
  window: Int32Array;
}

/** The per-row weights of a file under a profile. Pure. */
export function rowWeights(file: Pick<NabFile, 'windows'> & { rows: number }, profile: Profile): RowWeights {
  const { rows, windows } = file;
  const weight = new Float64Array(rows);
  const window = new Int32Array(rows).fill(-1);
  const maxTp = scaledSigmoid(-1);
  const probation = probationLength(rows);
  let next = 0;
  let prevRight = -1;
  let prevWidth = 0;
  for (let i = 0; i < rows; i++) {
    const current = windows[next];
    if (current && i >= current[0] && i <= current[1]) {
      const width = current[1] - current[0] + 1;
      weight[i] = (scaledSigmoid(-(current[1] - i + 1) / width) * profile.tpWeight) / maxTp;
      window[i] = next;
      if (i === current[1]) [prevRight, prevWidth, next] = [i, width, next + 1];
    } else if (prevRight < 0) {
      weight[i] = -profile.fpWeight;
    } else {
      // NAB divides by width - 1 here (not width): kept for fidelity.
      weight[i] = scaledSigmoid(Math.abs(prevRight - i) / (prevWidth - 1)) * profile.fpWeight;
    }
    if (i < probation) weight[i] = Number.NaN;
  }
  return { weight, window };
}

/** One file's NAB score when every row scoring at least `threshold` is an alert. Pure. */
export function scoreFile(
  scores: ArrayLike<number>,
  weights: RowWeights,
  windowCount: number,
  profile: Profile,
  threshold: number,
): number {
  const best = new Array<number>(windowCount).fill(Number.NEGATIVE_INFINITY);
  let outside = 0;
  for (let i = 0; i < scores.length; i++) {
    const w = weights.weight[i] as number;
    if (Number.isNaN(w) || !((scores[i] as number) >= threshold)) continue;
    const k = weights.window[i] as number;
    if (k < 0) outside += w;
    else if (w > (best[k] as number)) best[k] = w;
  }
  return best.reduce((sum, b) => sum + (b === Number.NEGATIVE_INFINITY ? -profile.fnWeight : b), outside);
}

/** A detector's scores on one file with the file's weights under one profile. */
export interface ScoredFile {
  scores: ArrayLike<number>;
  weights: RowWeights;
  windowCount: number;
}

/**
 * The threshold that maximises the summed score over all files (NAB's optimizer: every distinct score is
 * tried, highest first; on a tie the highest threshold wins). With no alerts at all the threshold is 1.1.
 */
export function bestThreshold(files: readonly ScoredFile[], profile: Profile): { threshold: number; total: number } {
  const points: { score: number; weight: number; window: number }[] = [];
  let windowBase = 0;
  let total = 0;
  for (const f of files) {
    for (let i = 0; i < f.scores.length; i++) {
      const weight = f.weights.weight[i] as number;
      if (Number.isNaN(weight)) continue;
      const k = f.weights.window[i] as number;
      points.push({ score: f.scores[i] as number, weight, window: k < 0 ? -1 : windowBase + k });
    }
    windowBase += f.windowCount;
    total -= f.windowCount * profile.fnWeight;
  }
  points.sort((a, b) => b.score - a.score);
  const best = new Float64Array(windowBase).fill(Number.NaN);
  let result = { threshold: 1.1, total };
  // Lowering the threshold past a group of equal scores detects the whole group at once.
  for (let i = 0; i < points.length;) {
    const score = (points[i] as { score: number }).score;
    for (; i < points.length && (points[i] as { score: number }).score === score; i++) {
      const { weight, window } = points[i] as { weight: number; window: number };
      if (window < 0) total += weight;
      else if (Number.isNaN(best[window] as number))
        [best[window], total] = [weight, total + weight + profile.fnWeight];
      else if (weight > (best[window] as number))
        [total, best[window]] = [total + weight - (best[window] as number), weight];
    }
    if (total > result.total) result = { threshold: score, total };
  }
  return result;
}

/** NAB's normalised score: 0 for a detector that never alerts, 100 for a perfect one. */
export function normalise(raw: number, windowCount: number, profile: Profile): number {
  const nullScore = -windowCount * profile.fnWeight;
  const perfect = windowCount * profile.tpWeight;
  return (100 * (raw - nullScore)) / (perfect - nullScore);
}
