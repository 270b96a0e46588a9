import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metricSeries } from '../../engine/src/telemetry/series.ts';
import { loadLibrary } from './library.ts';

/** The shipped metric whose baseline is a real series from a CSV beside its scenario (issue 11). */
describe("leaked-credentials' API calls, from a CSV of real request counts", () => {
  const shipped = loadLibrary().find((s) => s.file === 'leaked-credentials.yaml');
  const scenario = shipped?.scenario;
  const metric = scenario?.telemetry?.metrics.find((m) => m.id === 'iam-calls');
  const rows = readFileSync(new URL('../../scenarios/ci-deployer-calls.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => Number(line.split(',')[1]));

  it('reads the file beside the scenario and keeps it in the text a session stores', () => {
    expect(metric?.baseline).toMatchObject({ csv: 'ci-deployer-calls.csv' });
    expect(scenario?.series?.['ci-deployer-calls.csv']).toEqual(rows);
    expect(shipped?.text).toContain('# ---- chaos-quest attached file: ci-deployer-calls.csv ----');
  });

  it('gives byte-identical series for the same seed, another for another seed, shaped like the file', () => {
    if (!scenario || !metric) throw new Error('leaked-credentials or its iam-calls metric is missing');
    const first = -(scenario.telemetry?.history ?? 0);
    const onset = scenario.fault.starts_at;
    const a = metricSeries(scenario, 'game-day-1', metric, first, onset - 1, null);
    // A second load parses the files again: nothing is shared with the first but the text.
    const reloaded = loadLibrary().find((s) => s.file === 'leaked-credentials.yaml')?.scenario ?? scenario;
    const again = metricSeries(reloaded, 'game-day-1', metric, first, onset - 1, null);
    const b = metricSeries(scenario, 'game-day-2', metric, first, onset - 1, null);
    expect(JSON.stringify(again)).toBe(JSON.stringify(a));
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
    // Before the fault, each minute is its row of the file plus a little noise (5% of the mean).
    const mean = rows.reduce((s, v) => s + v, 0) / rows.length;
    const off = a.map((p, i) => Math.abs(p.value - (rows[i] ?? 0)));
    expect(Math.max(...off)).toBeLessThan(mean * 0.25);
    expect(off.reduce((s, v) => s + v, 0) / off.length).toBeLessThan(mean * 0.06);
  });
});
