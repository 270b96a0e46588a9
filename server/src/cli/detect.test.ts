import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from './run-cli.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBaselineDetector, DEFAULT_DETECTOR_PARAMS } from '@chaos-quest/engine';
import { DETECT_USAGE, detect } from './detect.ts';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cq-detect-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCommand(detect, args, dir);
  return { code, out: stdout, err: stderr };
}

function write(name: string, text: string): string {
  fs.writeFileSync(path.join(dir, name), text);
  return name;
}

/** A calm series with a deterministic wiggle and one spike at `spikeAt`. */
function values(n: number, spikeAt: number): number[] {
  return Array.from({ length: n }, (_, i) =>
    i === spikeAt ? 500 : 50 + 3 * Math.sin(i * 1.7) + ((i * 7919) % 13) / 13,
  );
}

describe('chaos-quest detect', () => {
  it('scores every row of a CSV with a header exactly as the engine detector does', async () => {
    const series = values(600, 400);
    const rows = series.map((v, i) => `2026-01-01T00:${String(i).padStart(4, '0')},${v}`);
    const file = write('metric.csv', `timestamp,value\n${rows.join('\n')}\n`);
    const { code, out, err } = await run([file]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('timestamp,value,anomaly_score');
    expect(lines).toHaveLength(601);
    const detector = createBaselineDetector();
    series.forEach((v, i) => {
      const [timestamp, value, score] = (lines[i + 1] as string).split(',');
      expect(timestamp).toBe(`2026-01-01T00:${String(i).padStart(4, '0')}`);
      expect(Number(value)).toBe(v);
      expect(Number(score)).toBeCloseTo(detector.next(v), 6);
    });
    expect(Number((lines[401] as string).split(',')[2])).toBeGreaterThanOrEqual(DEFAULT_DETECTOR_PARAMS.alertScore);
  });

  it('reads a CSV without a header, with CRLF line ends, and prints JSON Lines with --json', async () => {
    const file = write('plain.csv', '1,10\r\n2,10.5\r\n3,"9.5"\r\n');
    const { code, out } = await run([file, '--json']);
    expect(code).toBe(0);
    expect(
      out
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      { timestamp: '1', value: 10, anomaly_score: 0 },
      { timestamp: '2', value: 10.5, anomaly_score: 0 },
      { timestamp: '3', value: 9.5, anomaly_score: 0 },
    ]);
  });

  it('reports each bad row with its line number, skips it, scores the rest and exits 1', async () => {
    const file = write('bad.csv', 'timestamp,value\n1,10\n2,abc\n3\n\n4,11,extra\n5,\n6,Infinity\n,7\n8,12\n');
    const { code, out, err } = await run([file]);
    expect(code).toBe(1);
    expect(
      out
        .trimEnd()
        .split('\n')
        .map((l) => l.split(',')[0]),
    ).toEqual(['timestamp', '1', '8']);
    expect(err.trimEnd().split('\n')).toEqual([
      "bad.csv:3: the value 'abc' is not a finite number; row skipped",
      'bad.csv:4: expected 2 columns (timestamp,value), found 1; row skipped',
      'bad.csv:6: expected 2 columns (timestamp,value), found 3; row skipped',
      "bad.csv:7: the value '' is not a finite number; row skipped",
      "bad.csv:8: the value 'Infinity' is not a finite number; row skipped",
      'bad.csv:9: the timestamp is empty; row skipped',
      'chaos-quest detect: 6 bad rows skipped in bad.csv',
    ]);
  });

  it('reads quoted fields and quotes a timestamp holding a comma or a quote in its output', async () => {
    const file = write('quoted.csv', '"Jan 1, 2026",5\n"the ""first"" day",6\n');
    const { code, out } = await run([file]);
    expect(code).toBe(0);
    expect(out).toBe('timestamp,value,anomaly_score\n"Jan 1, 2026",5,0\n"the ""first"" day",6,0\n');
  });

  it('exits 2 with the usage for bad arguments', async () => {
    for (const args of [[], ['a.csv', 'b.csv'], ['--nope', 'a.csv']]) {
      const { code, out, err } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(out).toBe('');
      expect(err).toContain(DETECT_USAGE);
    }
  });

  it('exits 1 with a message when the file cannot be read', async () => {
    const { code, out, err } = await run(['missing.csv']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^chaos-quest detect: cannot read missing\.csv: ENOENT/);
  });
});
