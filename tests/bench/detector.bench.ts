/**
 * Anomaly detector benchmark on the NAB subset in tests/fixtures/nab (24 real series, 49 labelled
 * windows): our dynamic-baseline detector against a fixed mean ± 3 sd line, NAB's windowed Gaussian
 * (reimplemented here) and the published windowedGaussian, twitterADVec and numenta results on the same
 * files, under NAB's three profiles; then our points per second. Prints scores and ratios; asserts nothing.
 *
 *   npm run bench:detector [-- --quick] [-- --json]
 */
import { createBaselineDetector, DEFAULT_DETECTOR_PARAMS } from '@chaos-quest/engine';
import { fixedThresholdScores, windowedGaussianScores } from './lib/nab/baselines.ts';
import { PROFILE_NAMES, listNabFiles, loadNabFile, type NabFile } from './lib/nab/corpus.ts';
import { publishedScores, scoresAtThreshold, sweptScores, type ProfileScores } from './lib/nab/evaluate.ts';
import { median, timeIt } from './lib/stats.ts';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const json = args.has('--json');
const PASSES = quick ? 3 : 9;
const TARGET_POINTS_PER_SECOND = 1_000_000;

function ourScores(values: Float64Array): Float64Array {
  const detector = createBaselineDetector();
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = detector.next(values[i] as number);
  return out;
}

/** Median points per second of `score` over every file, one pass = all files. */
function pointsPerSecond(files: readonly NabFile[], score: (values: Float64Array) => Float64Array): number {
  const points = files.reduce((sum, f) => sum + f.values.length, 0);
  let sink = 0;
  // One untimed pass first, so that the median compares optimised code rather than the JIT's first tiers.
  for (const f of files) sink += score(f.values)[0] as number;
  const times = Array.from({ length: PASSES }, () =>
    timeIt(() => {
      for (const f of files) sink += score(f.values)[f.values.length - 1] as number;
    }),
  );
  if (Number.isNaN(sink)) throw new Error('a detector produced NaN');
  return points / (median(times) / 1000);
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function main(): void {
  const files = listNabFiles().map(loadNabFile);
  const points = files.reduce((sum, f) => sum + f.values.length, 0);
  const windows = files.reduce((sum, f) => sum + f.windows.length, 0);
  const ours = files.map((f) => ourScores(f.values));
  const fixed = files.map((f) => fixedThresholdScores(f.values));
  const gaussian = files.map((f) => windowedGaussianScores(f.values));
  const rows: [string, ProfileScores, string][] = [
    ['ours (dynamic baseline)', sweptScores(files, ours), 'threshold swept on the subset'],
    ['ours at its default alert score', scoresAtThreshold(files, ours, DEFAULT_DETECTOR_PARAMS.alertScore), 'no sweep'],
    ['fixed mean ± 3 sd line, as deployed', scoresAtThreshold(files, fixed, 1), 'alerts on every point outside'],
    ['fixed mean ± 3 sd line, swept', sweptScores(files, fixed), 'best is never to alert'],
    ['windowed Gaussian (reimplemented)', sweptScores(files, gaussian), 'threshold swept on the subset'],
    ['windowedGaussian (NAB published)', publishedScores(files, 'windowedGaussian'), 'threshold swept on all 58 files'],
    ['twitterADVec (NAB published)', publishedScores(files, 'twitterADVec'), 'threshold swept on all 58 files'],
    ['numenta (NAB published)', publishedScores(files, 'numenta'), 'threshold swept on all 58 files'],
  ];
  const oursPerSecond = pointsPerSecond(files, ourScores);
  const gaussianPerSecond = pointsPerSecond(files, windowedGaussianScores);

  const header = ['detector', ...PROFILE_NAMES, 'ours - it (standard)', 'note'];
  const ourStandard = rows[0]?.[1].standard.score ?? Number.NaN;
  const table = rows.map(([name, s, note]) => [
    name,
    ...PROFILE_NAMES.map((p) => s[p].score.toFixed(2)),
    (ourStandard - s.standard.score).toFixed(2),
    note,
  ]);
  const widths = header.map((_, c) => Math.max(...[header, ...table].map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(
    `\nNAB subset: ${files.length} files, ${points.toLocaleString('en')} points, ${windows} windows` +
      ' (normalised: 0 = never alert, 100 = perfect)',
  );
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of table) console.log(line(r));
  console.log(
    `\nours: ${Math.round(oursPerSecond).toLocaleString('en')} points/s (median of ${PASSES} passes over all files), ` +
      `${round(oursPerSecond / TARGET_POINTS_PER_SECOND)}× the ${TARGET_POINTS_PER_SECOND.toLocaleString('en')}/s target, ` +
      `${round(oursPerSecond / gaussianPerSecond)}× the windowed Gaussian (${Math.round(gaussianPerSecond).toLocaleString('en')}/s)`,
  );

  if (json) {
    const key = (name: string) =>
      name
        .replace(/[^a-zA-Z0-9]+/g, ' ')
        .trim()
        .replace(/ (\w)/g, (_, c: string) => c.toUpperCase());
    const byProfile = (s: ProfileScores) => Object.fromEntries(PROFILE_NAMES.map((p) => [p, round(s[p].score, 3)]));
    const scores = Object.fromEntries(rows.map(([name, s]) => [key(name), byProfile(s)]));
    const std = (i: number) => rows[i]?.[1].standard.score ?? Number.NaN;
    console.log(
      JSON.stringify({
        files: files.length,
        points,
        windows,
        scores,
        ourThreshold: round(rows[0]?.[1].standard.threshold ?? Number.NaN, 5),
        standardOverWindowedGaussian: round(std(0) / std(5)),
        standardOverTwitterADVec: round(std(0) / std(6)),
        standardOverNumenta: round(std(0) / std(7)),
        standardMinusFixedDeployed: round(std(0) - std(2)),
        pointsPerSecond: Math.round(oursPerSecond),
        pointsPerSecondOverTarget: round(oursPerSecond / TARGET_POINTS_PER_SECOND),
        oursOverWindowedGaussianSpeed: round(oursPerSecond / gaussianPerSecond),
        passes: PASSES,
      }),
    );
  }
}

main();
