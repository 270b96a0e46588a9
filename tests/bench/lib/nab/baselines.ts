/**
 * The two baselines the detector bench compares against, reimplemented: NAB's windowed Gaussian
 * (numenta/NAB nab/detectors/gaussian/windowedGaussian_detector.py) and the fixed threshold teams
 * usually set by hand. Both return one anomaly score per row.
 */
import { probationLength } from './scorer.ts';

/** erfc(x) to ~1e-14 absolute: the Taylor series of erf near 0, a Lentz continued fraction in the tail. */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2) {
    let term = x;
    let sum = x;
    for (let n = 1; Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
      term *= (-x * x) / n;
      sum += term / (2 * n + 1);
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc(x) = exp(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated by modified Lentz.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/**
 * NAB's windowed Gaussian: score = 1 - (upper-tail probability of |x - mean| under a normal fitted to the
 * first 6400 points, then re-fitted to the last 6400 every 100 points). The first point scores 0.
 */
export function windowedGaussianScores(values: ArrayLike<number>): Float64Array {
  const WINDOW = 6400;
  const STEP = 100;
  const out = new Float64Array(values.length);
  const window: number[] = [];
  let buffer: number[] = [];
  let mean = 0;
  let std = 1;
  const refit = (): void => {
    mean = window.reduce((s, v) => s + v, 0) / window.length;
    std = Math.sqrt(window.reduce((s, v) => s + (v - mean) ** 2, 0) / window.length) || 0.000001;
  };
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (window.length > 0) out[i] = 1 - 0.5 * erfc(Math.abs(x - mean) / std / Math.SQRT2);
    if (window.length < WINDOW) {
      window.push(x);
      refit();
    } else {
      buffer.push(x);
      if (buffer.length === STEP) {
        window.splice(0, STEP);
        window.push(...buffer);
        buffer = [];
        refit();
      }
    }
  }
  return out;
}

/**
 * A static alert line set the usual way: mean ± 3 standard deviations of the file's first 15% (NAB's
 * probation, at most 750 points), in both directions. A point outside the band scores 1, else 0.
 */
export function fixedThresholdScores(values: ArrayLike<number>): Float64Array {
  const n = probationLength(values.length);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (values[i] as number) / n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += ((values[i] as number) - mean) ** 2 / n;
  const band = 3 * Math.sqrt(variance);
  return Float64Array.from(values, (x) => (Math.abs(x - mean) > band ? 1 : 0));
}
