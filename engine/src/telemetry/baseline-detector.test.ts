import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createBaselineDetector, DEFAULT_DETECTOR_PARAMS } from './baseline-detector.ts';

const ALERT = DEFAULT_DETECTOR_PARAMS.alertScore;

function scoresOf(values: readonly number[]): number[] {
  const detector = createBaselineDetector();
  return values.map((v) => detector.next(v));
}

/** Standard normal noise from a seeded generator (Box–Muller), so every run sees the same series. */
function gaussian(seed: string): () => number {
  const rng = seedrandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

function series(length: number, seed: string, shape: (i: number) => number): number[] {
  const noise = gaussian(seed);
  return Array.from({ length }, (_, i) => 100 + noise() + shape(i));
}

const firstAlert = (scores: readonly number[]): number => scores.findIndex((s) => s >= ALERT);

describe('baseline anomaly detector', () => {
  it('scores the same series the same way every time', () => {
    const values = series(3000, 'determinism', (i) => (i > 2000 ? 8 : 0));
    expect(scoresOf(values)).toEqual(scoresOf(values));
  });

  it('never lets a later point change the score of an earlier one', () => {
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 300 }),
        fc.array(value, { maxLength: 100 }),
        fc.array(value, { maxLength: 100 }),
        (prefix, tailA, tailB) => {
          const a = scoresOf([...prefix, ...tailA]).slice(0, prefix.length);
          const b = scoresOf([...prefix, ...tailB]).slice(0, prefix.length);
          expect(a).toEqual(b);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps every score in [0, 1] for any finite input', () => {
    const value = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 });
    fc.assert(
      fc.property(fc.array(value, { maxLength: 400 }), (values) => {
        for (const s of scoresOf(values)) expect(s >= 0 && s <= 1).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('does not alert on 20,000 points of white noise', () => {
    for (const seed of ['noise-1', 'noise-2', 'noise-3'])
      expect(firstAlert(scoresOf(series(20_000, seed, () => 0)))).toBe(-1);
  });

  it('scores a constant series 0 and alerts at once when it steps', () => {
    const flat = new Array<number>(1000).fill(42);
    expect(scoresOf(flat).every((s) => s === 0)).toBe(true);
    expect(firstAlert(scoresOf([...flat, 42.5]))).toBe(1000);
    // A jump so large that the surprise overflows to infinity still scores 1.
    expect(scoresOf([...new Array<number>(100).fill(0), 1e300]).at(-1)).toBe(1);
  });

  it('alerts within a few points of a step of 5 standard deviations, once', () => {
    const scores = scoresOf(series(4000, 'step', (i) => (i >= 2000 ? 5 : 0)));
    const at = firstAlert(scores);
    expect(at).toBeGreaterThanOrEqual(2000);
    expect(at).toBeLessThan(2005);
    expect(firstAlert(scores.slice(0, 2000))).toBe(-1);
    // One incident, one alert: the quiet period outlasts the time the baselines need to learn the new level.
    expect(scores.filter((s) => s >= ALERT)).toHaveLength(1);
  });

  it('alerts on a slow drift while it is still under 2 standard deviations, inside a mean ± 3 sd line', () => {
    for (const slope of [0.005, 0.01, 0.02, 0.05]) {
      const at = firstAlert(scoresOf(series(6000, `drift-${slope}`, (i) => (i >= 2000 ? slope * (i - 2000) : 0))));
      expect(at, `slope ${slope} sd per point`).toBeGreaterThan(2000);
      expect((at - 2000) * slope, `slope ${slope} sd per point`).toBeLessThan(2);
    }
  });

  it('alerts rarely in spiky traffic, where a mean ± 3 sd line fires hundreds of times, and still on an outsized spike', () => {
    for (const seed of ['spiky-1', 'spiky-2', 'spiky-3']) {
      const noise = gaussian(seed);
      const jump = seedrandom(`${seed}-jump`);
      // Every 10th point jumps by 3 to 6 standard deviations of the calm part.
      const values = Array.from({ length: 10_000 }, (_, i) => 10 + noise() + (i % 10 === 0 ? 3 + 3 * jump() : 0));
      expect(scoresOf(values).filter((s) => s >= ALERT).length, seed).toBeLessThanOrEqual(10);
      const calm = values.slice(0, 1500);
      const mean = calm.reduce((s, v) => s + v, 0) / calm.length;
      const sd = Math.sqrt(calm.reduce((s, v) => s + (v - mean) ** 2, 0) / calm.length);
      expect(values.filter((v) => Math.abs(v - mean) > 3 * sd).length, seed).toBeGreaterThan(100);
      values[9_995] = 40;
      expect(scoresOf(values)[9_995], seed).toBeGreaterThanOrEqual(ALERT);
    }
  });

  it('rejects a value that is not a finite number', () => {
    const detector = createBaselineDetector();
    expect(() => detector.next(Number.NaN)).toThrow(RangeError);
    expect(() => detector.next(Number.POSITIVE_INFINITY)).toThrow(/not a finite number/);
  });
});
