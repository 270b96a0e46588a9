import { describe, expect, it } from 'vitest';
import { listPerRowResults, loadNabFile, readAnomalyScores } from '../bench/lib/nab/corpus.ts';
import { erfc, fixedThresholdScores, windowedGaussianScores } from '../bench/lib/nab/baselines.ts';

describe('bench baselines', () => {
  it('computes erfc to 1e-14 at known values', () => {
    // Reference values from Python's math.erfc.
    expect(erfc(0)).toBe(1);
    expect(Math.abs(erfc(0.5) - 0.4795001221869535)).toBeLessThan(1e-14);
    expect(Math.abs(erfc(1) - 0.15729920705028513)).toBeLessThan(1e-14);
    expect(Math.abs(erfc(1.9999) - 0.004679802092970608)).toBeLessThan(1e-14);
    expect(Math.abs(erfc(2) - 0.004677734981047265)).toBeLessThan(1e-14);
    expect(Math.abs(erfc(3) - 2.2090496998585438e-5)).toBeLessThan(1e-18);
    expect(Math.abs(erfc(5) - 1.5374597944280351e-12)).toBeLessThan(1e-24);
    expect(Math.abs(erfc(-1) - 1.842700792949715)).toBeLessThan(1e-14);
  });

  for (const { name, file } of listPerRowResults('windowedGaussian')) {
    it(`reproduces NAB's windowed Gaussian anomaly scores row by row on ${name}`, () => {
      const expected = readAnomalyScores(file);
      const ours = windowedGaussianScores(loadNabFile(name).values);
      let worst = 0;
      for (let i = 0; i < ours.length; i++)
        worst = Math.max(worst, Math.abs((ours[i] as number) - (expected[i] as number)));
      expect(worst).toBeLessThan(1e-9);
    });
  }

  it('sets the fixed line at mean ± 3 sd of the probation and flags both directions', () => {
    const values: number[] = Array.from({ length: 1000 }, (_, i) => (i % 2 ? 11 : 9)); // mean 10, sd 1 -> band [7, 13]
    values[900] = 13.5;
    values[901] = 6.5;
    values[902] = 12.9;
    const scores = fixedThresholdScores(values);
    expect([scores[900], scores[901], scores[902], scores[0]]).toEqual([1, 1, 0, 0]);
  });
});
