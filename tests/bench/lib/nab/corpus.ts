/**
 * Reads the NAB subset copied under tests/fixtures/nab: the series, their scoring windows, the cost
 * profiles and NAB's own published results. Everything is read synchronously; the subset is ~11 MB.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the NAB fixture (LICENSE.txt, README.md, data/, labels/, config/, results/). */
export const NAB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/nab');

export const PROFILE_NAMES = ['standard', 'reward_low_FP_rate', 'reward_low_FN_rate'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** NAB's cost matrix for one profile (tnWeight is unused by NAB's scorer). */
export interface Profile {
  tpWeight: number;
  fnWeight: number;
  fpWeight: number;
}

/** One labelled series: its NAB name ("realKnownCause/nyc_taxi.csv"), rows and windows as row indices. */
export interface NabFile {
  name: string;
  timestamps: string[];
  values: Float64Array;
  /** Inclusive [left, right] row indices, in order, not overlapping. */
  windows: [number, number][];
}

/** The 24 data files present, as NAB names, sorted. */
export function listNabFiles(): string[] {
  const dataDir = path.join(NAB_DIR, 'data');
  return fs
    .readdirSync(dataDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      fs
        .readdirSync(path.join(dataDir, d.name))
        .filter((f) => f.endsWith('.csv'))
        .map((f) => `${d.name}/${f}`),
    )
    .sort();
}

/** Rows of a CSV file with a header, split on commas (NAB's files quote nothing). */
export function readCsv(file: string): { header: string[]; rows: string[][] } {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line !== '');
  const [head, ...rest] = lines;
  if (head === undefined) throw new Error(`${file} is empty`);
  return { header: head.split(','), rows: rest.map((line) => line.split(',')) };
}

let windowsCache: Record<string, [string, string][]> | null = null;

function windowTimestamps(name: string): [string, string][] {
  const file = path.join(NAB_DIR, 'labels', 'combined_windows.json');
  windowsCache ??= JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, [string, string][]>;
  const windows = windowsCache[name];
  if (!windows) throw new Error(`labels/combined_windows.json has no entry for ${name}`);
  return windows;
}

/** Loads one series with its windows. Throws when a window edge is not a row's timestamp (a broken fixture). */
export function loadNabFile(name: string): NabFile {
  const { rows } = readCsv(path.join(NAB_DIR, 'data', name));
  const timestamps = rows.map((r) => r[0] as string);
  const values = Float64Array.from(rows, (r) => Number(r[1]));
  const index = new Map(timestamps.map((t, i) => [t, i]));
  // Window edges carry microseconds (".000000") that the data rows do not.
  const at = (t: string): number => {
    const i = index.get(t.replace(/\.0+$/, ''));
    if (i === undefined) throw new Error(`window edge ${t} is not a row of ${name}`);
    return i;
  };
  const windows = windowTimestamps(name).map(([l, r]): [number, number] => [at(l), at(r)]);
  return { name, timestamps, values, windows };
}

/** The three cost profiles from config/profiles.json. */
export function loadProfiles(): Record<ProfileName, Profile> {
  const raw = JSON.parse(fs.readFileSync(path.join(NAB_DIR, 'config', 'profiles.json'), 'utf8')) as Record<
    string,
    { CostMatrix: Profile }
  >;
  return Object.fromEntries(
    PROFILE_NAMES.map((p) => {
      const m = raw[p]?.CostMatrix;
      if (!m) throw new Error(`config/profiles.json has no profile ${p}`);
      return [p, { tpWeight: m.tpWeight, fnWeight: m.fnWeight, fpWeight: m.fpWeight }];
    }),
  ) as Record<ProfileName, Profile>;
}

/** One row of results/<detector>/<detector>_<profile>_scores.csv. */
export interface PublishedScore {
  file: string;
  threshold: number;
  score: number;
}

/** NAB's published per-file threshold and score for a detector and profile, keyed by NAB file name. */
export function loadPublishedScores(detector: string, profile: ProfileName): Map<string, PublishedScore> {
  const { header, rows } = readCsv(path.join(NAB_DIR, 'results', detector, `${detector}_${profile}_scores.csv`));
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${detector}_${profile}_scores.csv has no ${name} column`);
    return i;
  };
  const [f, t, s] = [col('File'), col('Threshold'), col('Score')];
  const out = new Map<string, PublishedScore>();
  // The last rows are corpus totals, not files.
  for (const r of rows) {
    const file = r[f] ?? '';
    if (file.endsWith('.csv')) out.set(file, { file, threshold: Number(r[t]), score: Number(r[s]) });
  }
  return out;
}

/** NAB's per-row files present for a detector: NAB file name and the path of the per-row result. */
export function listPerRowResults(detector: string): { name: string; file: string }[] {
  const dir = path.join(NAB_DIR, 'results', detector);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      fs
        .readdirSync(path.join(dir, d.name))
        .filter((f) => f.startsWith(`${detector}_`) && f.endsWith('.csv'))
        .map((f) => ({ name: `${d.name}/${f.slice(detector.length + 1)}`, file: path.join(dir, d.name, f) })),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The `anomaly_score` column of a per-row result file. */
export function readAnomalyScores(file: string): Float64Array {
  const { header, rows } = readCsv(file);
  const i = header.indexOf('anomaly_score');
  if (i < 0) throw new Error(`${file} has no anomaly_score column`);
  return Float64Array.from(rows, (r) => Number(r[i]));
}
