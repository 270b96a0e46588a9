import { describe, expect, it } from 'vitest';
import { EXAMPLE_YAML } from '../testing/example-scenario.ts';
import { metricSeries } from '../telemetry/series.ts';
import { attachFiles, BASELINE_LIMITS, parseBaselineCsv, splitAttachments } from './baseline-csv.ts';
import { parseScenarioWith } from './baselines.ts';
import { parseScenario } from './parse.ts';

const csv = (values: readonly number[], header = 'timestamp,value') =>
  `${header}\n${values.map((v, i) => `2024-05-01T00:${String(i).padStart(5, '0')},${v}`).join('\n')}\n`;

const withTelemetry = (metrics: string) => `${EXAMPLE_YAML}telemetry:\n  history: 30\n  metrics:\n${metrics}`;
const metric = (id: string, file: string, noise = 0) =>
  `    - { id: ${id}, component: checkout, name: ${id}, unit: calls/min, baseline: { csv: ${file}, noise: ${noise} } }\n`;

describe('baseline CSV files', () => {
  it('refuses a file over 256 KB, and one over 10,000 rows at the first row too many', () => {
    const wide = `timestamp,value\n${'2024-05-01T00:00:00,1.0000000000\n'.repeat(8200)}`;
    expect(wide.length).toBeGreaterThan(BASELINE_LIMITS.bytes);
    expect(parseBaselineCsv(wide, 'wide.csv').diagnostics).toEqual([
      expect.objectContaining({ code: 'CQ1011', line: 1, col: 1, message: expect.stringMatching(/at most 256 KB/) }),
    ]);
    const long = csv(Array.from({ length: 10_001 }, (_, i) => i % 10));
    expect(long.length).toBeLessThan(BASELINE_LIMITS.bytes);
    expect(parseBaselineCsv(long, 'long.csv').diagnostics).toEqual([
      expect.objectContaining({ code: 'CQ1011', file: 'long.csv', line: 10_002, col: 1 }),
    ]);
  });

  it("refuses a scenario's files past 1 MB together, naming the file that crosses it", () => {
    const big = csv(Array.from({ length: 9000 }, (_, i) => 1000 + i));
    const files = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((n) => [`${n}.csv`, big]));
    const yaml = withTelemetry(['a', 'b', 'c', 'd', 'e', 'f'].map((n) => metric(n, `${n}.csv`)).join(''));
    const { diagnostics } = parseScenarioWith(yaml, 'scenarios/x.yaml', (name) => files[name] ?? null);
    const over = diagnostics.filter((d) => d.code === 'CQ1011');
    expect(over.map((d) => d.file)).toEqual(['scenarios/e.csv', 'scenarios/f.csv']);
  });

  it('attaches the files after the YAML as comments and reads them back, leaving YAML positions alone', () => {
    const yaml = withTelemetry(
      metric('calls', 'calls.csv') + '    - { id: bad, component: nope, name: b, unit: x, baseline: { level: 1 } }\n',
    );
    const data = csv([1, 2, 3]).replace(/\n/g, '\r\n') + '\n';
    const bundled = attachFiles(yaml, { 'calls.csv': data });
    expect(bundled.startsWith(yaml)).toBe(true);
    expect(splitAttachments(bundled)).toEqual({ yaml, files: new Map([['calls.csv', data.replace(/\r/g, '')]]) });
    expect(attachFiles(bundled, { 'calls.csv': 'timestamp,value\n' })).toBe(
      attachFiles(yaml, { 'calls.csv': 'timestamp,value\n' }),
    );
    const plain = parseScenario(yaml, 'x.yaml').diagnostics.find((d) => d.code === 'CQ2004');
    const attached = parseScenario(bundled, 'x.yaml').diagnostics.find((d) => d.code === 'CQ2004');
    expect(attached).toEqual(plain);
  });

  it('names the files a scenario needs, and reads its values in file order once attached', () => {
    const yaml = withTelemetry(metric('calls', 'calls.csv'));
    expect(parseScenario(yaml, 'x.yaml')).toMatchObject({ scenario: null, baselineFiles: ['calls.csv'] });
    const values = Array.from({ length: 60 }, (_, i) => 100 + i);
    const { scenario, text } = parseScenarioWith(yaml, 'x.yaml', () => csv(values));
    expect(scenario?.series).toEqual({ 'calls.csv': values });
    // The stored text carries the data: parsed again, it is the same scenario without the file.
    expect(parseScenario(text, 'stored.yaml').scenario?.series).toEqual({ 'calls.csv': values });
  });
});

describe('a metric on a CSV baseline', () => {
  const values = Array.from({ length: 60 }, (_, i) => 100 + ((i * 37) % 23));
  const load = (noise: number) => {
    const { scenario } = parseScenarioWith(withTelemetry(metric('calls', 'calls.csv', noise)), 'x.yaml', () =>
      csv(values),
    );
    if (!scenario?.telemetry) throw new Error('the scenario does not parse');
    return { scenario, calls: scenario.telemetry.metrics[0] as NonNullable<(typeof scenario.telemetry.metrics)[0]> };
  };

  it('plays the rows one per minute from the first minute of history, starting over after the last', () => {
    const { scenario, calls } = load(0);
    const points = metricSeries(scenario, 'seed', calls, -30, 4, null);
    expect(points.map((p) => p.value)).toEqual([...values.slice(0, 35)]);
    const later = metricSeries(scenario, 'seed', calls, 30, 32, null);
    expect(later.map((p) => p.value)).toEqual([values[0], values[1], values[2]]);
  });

  it('gives the same series for the same seed, and another for another seed', () => {
    const { scenario, calls } = load(0.05);
    const a = metricSeries(scenario, 'seed-1', calls, -30, 60, null);
    const again = metricSeries(load(0.05).scenario, 'seed-1', load(0.05).calls, -30, 60, null);
    const b = metricSeries(scenario, 'seed-2', calls, -30, 60, null);
    expect(JSON.stringify(again)).toBe(JSON.stringify(a));
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
    // The noise is about 5% of the file's mean, around the file's own values.
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    for (const p of a) expect(Math.abs(p.value - (values[(p.minute + 30) % 60] as number))).toBeLessThan(mean * 0.3);
  });
});
