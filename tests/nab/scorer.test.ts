import { describe, expect, it } from 'vitest';
import {
  PROFILE_NAMES,
  listPerRowResults,
  loadNabFile,
  loadProfiles,
  loadPublishedScores,
  readAnomalyScores,
} from '../bench/lib/nab/corpus.ts';
import {
  bestThreshold,
  normalise,
  probationLength,
  rowWeights,
  scaledSigmoid,
  scoreFile,
} from '../bench/lib/nab/scorer.ts';

const DETECTORS = ['numenta', 'twitterADVec', 'windowedGaussian'] as const;
const profiles = loadProfiles();

describe('NAB scorer port', () => {
  it('has NAB per-row results for 4 files of each detector', () => {
    for (const d of DETECTORS) expect(listPerRowResults(d)).toHaveLength(4);
  });

  for (const detector of DETECTORS) {
    for (const { name, file } of listPerRowResults(detector)) {
      it(`reproduces NAB's published ${detector} scores of ${name} under all three profiles`, () => {
        const nab = loadNabFile(name);
        const scores = readAnomalyScores(file);
        expect(scores).toHaveLength(nab.values.length);
        for (const p of PROFILE_NAMES) {
          const published = loadPublishedScores(detector, p).get(name);
          if (!published) throw new Error(`no published ${detector} ${p} score for ${name}`);
          const weights = rowWeights({ rows: scores.length, windows: nab.windows }, profiles[p]);
          const ours = scoreFile(scores, weights, nab.windows.length, profiles[p], published.threshold);
          expect(
            Math.abs(ours - published.score),
            `${detector} ${p} ${name}: ${ours} vs ${published.score}`,
          ).toBeLessThan(1e-9);
        }
      });
    }
  }

  it('earns tpWeight for an alert on the first row of a window and nothing without alerts', () => {
    const windows: [number, number][] = [[1000, 1099]];
    const weights = rowWeights({ rows: 2000, windows }, profiles.standard);
    const scores = new Float64Array(2000);
    expect(scoreFile(scores, weights, 1, profiles.standard, 0.5)).toBe(-1);
    scores[1000] = 1;
    expect(scoreFile(scores, weights, 1, profiles.standard, 0.5)).toBeCloseTo(1, 12);
    scores[1050] = 1;
    expect(scoreFile(scores, weights, 1, profiles.standard, 0.5)).toBeCloseTo(1, 12);
    scores[10] = 1; // probation: ignored
    scores[500] = 1; // before any window: -fpWeight
    expect(scoreFile(scores, weights, 1, profiles.standard, 0.5)).toBeCloseTo(1 - 0.11, 12);
    expect(probationLength(2000)).toBe(300);
    expect(probationLength(100_000)).toBe(750);
    expect(scaledSigmoid(3.1)).toBe(-1);
  });

  it('sweeps the threshold that maximises the summed score and normalises it', () => {
    const windows: [number, number][] = [[1000, 1099]];
    const weights = rowWeights({ rows: 2000, windows }, profiles.standard);
    const scores = new Float64Array(2000);
    scores[1000] = 0.9; // the hit
    scores[500] = 0.95; // a false alarm scoring higher than the hit: cheaper to accept it than to miss
    scores[600] = 0.5; // a false alarm below the hit: a good threshold leaves it out
    const best = bestThreshold([{ scores, weights, windowCount: 1 }], profiles.standard);
    expect(best.threshold).toBe(0.9);
    expect(best.total).toBeCloseTo(1 - 0.11, 12);
    expect(normalise(best.total, 1, profiles.standard)).toBeCloseTo(94.5, 9);
    expect(normalise(-1, 1, profiles.standard)).toBe(0);
  });
});
