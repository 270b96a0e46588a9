/**
 * Scores detectors on the NAB subset the way NAB does, for the detector bench: one threshold per
 * detector and profile swept over the subset's files, or the published per-file scores summed.
 */
import {
  PROFILE_NAMES,
  loadProfiles,
  loadPublishedScores,
  type NabFile,
  type Profile,
  type ProfileName,
} from './corpus.ts';
import { bestThreshold, normalise, rowWeights, scoreFile } from './scorer.ts';

/** Normalised NAB score and the threshold it was reached at, for each profile. */
export type ProfileScores = Record<ProfileName, { score: number; threshold: number }>;

const profiles: Record<ProfileName, Profile> = loadProfiles();

function windowCount(files: readonly NabFile[]): number {
  return files.reduce((sum, f) => sum + f.windows.length, 0);
}

function scoredFiles(files: readonly NabFile[], scores: readonly Float64Array[], profile: Profile) {
  return files.map((f, i) => ({
    scores: scores[i] as Float64Array,
    weights: rowWeights({ rows: f.values.length, windows: f.windows }, profile),
    windowCount: f.windows.length,
  }));
}

/** A detector's subset scores with its threshold swept over these files (NAB's optimiser, on the subset). */
export function sweptScores(files: readonly NabFile[], scores: readonly Float64Array[]): ProfileScores {
  return Object.fromEntries(
    PROFILE_NAMES.map((p) => {
      const best = bestThreshold(scoredFiles(files, scores, profiles[p]), profiles[p]);
      return [p, { score: normalise(best.total, windowCount(files), profiles[p]), threshold: best.threshold }];
    }),
  ) as ProfileScores;
}

/** A detector's subset scores at a threshold fixed in advance (the same for every profile). */
export function scoresAtThreshold(
  files: readonly NabFile[],
  scores: readonly Float64Array[],
  threshold: number,
): ProfileScores {
  return Object.fromEntries(
    PROFILE_NAMES.map((p) => {
      const raw = scoredFiles(files, scores, profiles[p]).reduce(
        (sum, f) => sum + scoreFile(f.scores, f.weights, f.windowCount, profiles[p], threshold),
        0,
      );
      return [p, { score: normalise(raw, windowCount(files), profiles[p]), threshold }];
    }),
  ) as ProfileScores;
}

/**
 * A published detector's subset scores: its per-file Score column (at the threshold NAB swept over all 58
 * files) summed over these files and normalised with the subset's null and perfect scores. Threshold NaN
 * when it differs between files (it does not in NAB's results).
 */
export function publishedScores(files: readonly NabFile[], detector: string): ProfileScores {
  return Object.fromEntries(
    PROFILE_NAMES.map((p) => {
      const published = loadPublishedScores(detector, p);
      const rows = files.map((f) => {
        const row = published.get(f.name);
        if (!row) throw new Error(`results/${detector} has no ${p} score for ${f.name}`);
        return row;
      });
      const raw = rows.reduce((sum, r) => sum + r.score, 0);
      const threshold = rows.every((r) => r.threshold === rows[0]?.threshold)
        ? (rows[0]?.threshold ?? Number.NaN)
        : Number.NaN;
      return [p, { score: normalise(raw, windowCount(files), profiles[p]), threshold }];
    }),
  ) as ProfileScores;
}
