/**
 * Every benchmark, one after the other (they would skew each other if run at once), each as its
 * own child process with `--json`; then one table of the headline figures with their ratios.
 * A benchmark that fails is reported and the rest still run; the exit code is then 1.
 *
 *   npm run bench [-- --quick] [-- --json] [-- --skip load,client]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO } from './lib/child-process.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    skip: { type: 'string', default: '' },
  },
});
const skip = new Set(values.skip.split(',').filter(Boolean));

type Figures = Record<string, unknown>;
/** One headline row: what, the figure, and the ratio that judges it (against a target or a same-run baseline). */
type Row = [figure: string, value: string, ratio: string];

interface Bench {
  name: string;
  file: string;
  rows: (f: Figures) => Row[];
}

const BENCHES: Bench[] = [
  {
    name: 'engine',
    file: 'engine.bench.ts',
    rows: (f) => [
      [
        'replay of a 10,000-command log (median)',
        `${f.replayMedianMs} ms`,
        `${f.replayOverTarget} of the ${f.targetMs} ms target`,
      ],
      ['commands per second through step', `${f.stepsPerSecond}`, ''],
      ['replay ÷ hand-written reducer', `${f.engineOverHand}×`, 'baseline: same log, same run'],
    ],
  },
  {
    name: 'hub',
    file: 'hub.bench.ts',
    rows: (f) => [
      [
        `hub path per command, ${f.sessions} sessions in process (median)`,
        `${f.hubMicrosPerCommand} µs`,
        `${f.hubOverStep}× the engine's step on the same commands`,
      ],
    ],
  },
  {
    name: 'store',
    file: 'store.bench.ts',
    rows: (f) => [
      [
        `durable appends/s, ${f.sessions} sessions at once`,
        `${f.manySessionsDurablePerSec}`,
        `${f.manySessionsOverTarget}× the ${f.appendTargetPerSec}/s target; ${f.manySessionsDurableOverCeiling} of synchronous=OFF`,
      ],
      [
        'durable appends/s, one session',
        `${f.oneSessionDurablePerSec}`,
        `${f.oneSessionDurableOverCeiling} of synchronous=OFF`,
      ],
      [
        `resume ${f.resumeCommands} commands from a snapshot`,
        `${f.resumeFromSnapshotMedianMs} ms`,
        `${f.resumeFromSnapshotOverTarget} of the ${f.resumeTargetMs} ms target; ${f.resumeLogOverSnapshot}× faster than the log alone`,
      ],
    ],
  },
  {
    name: 'load',
    file: 'load.bench.ts',
    rows: (f) => [
      [
        `p99 at ${f.targetStepSessions}×${f.players} (ours / bare socket.io)`,
        `${f.targetStepP99Ms} / ${f.targetStepBareP99Ms} ms`,
        `${f.targetStepP99OverBare}× bare (target ≤ ${f.p99OverBareTarget})`,
      ],
      [
        `server CPU per command at ${f.targetStepSessions}×${f.players} (ours / bare)`,
        `${f.targetStepCpuMsPerCommand} / ${f.targetStepBareCpuMsPerCommand} ms`,
        `${f.targetStepCpuOverBare}× bare`,
      ],
      [`errors at ${f.largestStepSockets} sockets`, `${f.largestStepErrors}`, 'target 0'],
      [
        `largest S×${f.players} with p99 < 100 ms`,
        `${f.maxSessionsUnder100MsP99} sessions (${f.maxSocketsUnder100MsP99} sockets)`,
        '',
      ],
      ['server RSS per socket', `${kb(f.rssPerSocketBytes)}`, ''],
      ['bytes per update per player', `${f.bytesPerUpdatePerPlayer}`, ''],
    ],
  },
  {
    name: 'faults',
    file: 'faults.bench.ts',
    rows: (f) => [
      [
        `others' p99 with a flooding offender (${f.sessions}×${f.players})`,
        `${f.p99WithOffenderMs} / ${f.p99WithoutOffenderMs} ms without`,
        `${f.p99WithOverWithout}× (target ≤ ${f.p99RatioTarget})`,
      ],
      ["errors in others' sessions with the offender", `${f.errorsWithOffender}`, 'target 0'],
    ],
  },
  {
    name: 'detector',
    file: 'detector.bench.ts',
    rows: (f) => {
      const s = f.scores as Record<string, Record<string, number>> | undefined;
      const std = (k: string) => `${s?.[k]?.standard ?? 'n/a'}`;
      return [
        [
          'NAB subset, standard profile (ours)',
          std('oursDynamicBaseline'),
          `${f.standardOverTwitterADVec}× twitterADVec, ${f.standardOverWindowedGaussian}× windowedGaussian, ${f.standardOverNumenta}× numenta`,
        ],
        [
          'anomaly detector points per second',
          `${f.pointsPerSecond}`,
          `${f.pointsPerSecondOverTarget}× the 1,000,000/s target`,
        ],
      ];
    },
  },
  {
    name: 'client',
    file: 'client.bench.ts',
    rows: (f) => [
      [
        'player screen JavaScript, gzipped',
        `${f.playerJsGzipKB} KB`,
        `${f.playerJsOverTarget} of the ${f.playerJsTargetKB} KB target`,
      ],
      [
        'join to first rendered view (median)',
        `${f.joinToViewMedianMs} ms`,
        `${f.joinToViewOverTarget} of the ${f.joinToViewTargetMs} ms target`,
      ],
    ],
  },
  {
    name: 'studio',
    file: 'studio.bench.ts',
    rows: (f) => [
      [
        `studio: keystroke to diagnostics shown, ${f.lines}-line scenario (median)`,
        `${f.toDiagnosticsMedianMs} ms`,
        `${f.toDiagnosticsOverTarget} of the ${f.targetMs} ms target; ${f.diagnosticsOverEditorOnly}× the editor alone`,
      ],
      [
        'studio: with the deep checks from the worker (median)',
        `${f.toFullCheckMedianMs} ms`,
        `${f.toFullCheckOverTarget} of the ${f.targetMs} ms target`,
      ],
    ],
  },
];

function kb(bytes: unknown): string {
  return typeof bytes === 'number' && Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : 'n/a';
}

/** Runs one benchmark, passing its report through, and resolves with the JSON on its last line. Rejects when it fails. */
function runBench(file: string): Promise<Figures> {
  const args = ['--import', 'tsx', path.join('tests', 'bench', file), '--json', ...(values.quick ? ['--quick'] : [])];
  const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
    if (!values.json) process.stdout.write(chunk);
  });
  return new Promise((resolve, reject) => {
    child.on('close', (code, signal) => {
      const last = out.trimEnd().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`${file} exited with ${signal ?? `code ${code}`}`));
      try {
        resolve(JSON.parse(last) as Figures);
      } catch {
        reject(new Error(`${file} printed no JSON on its last line`));
      }
    });
  });
}

function printCombined(
  results: { bench: Bench; figures: Figures | null; error: string | null; seconds: number }[],
): void {
  const rows: [string, ...Row][] = [];
  for (const { bench, figures, error, seconds } of results) {
    if (!figures) rows.push([bench.name, 'FAILED', error ?? '', '']);
    else bench.rows(figures).forEach((row, i) => rows.push([i === 0 ? `${bench.name} (${seconds} s)` : '', ...row]));
  }
  const header: [string, ...Row] = ['benchmark', 'figure', 'value', 'ratio'];
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => r[c]?.length ?? 0)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(`\nAll benchmarks${values.quick ? ' (--quick)' : ''}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

async function main(): Promise<void> {
  const results: { bench: Bench; figures: Figures | null; error: string | null; seconds: number }[] = [];
  for (const bench of BENCHES) {
    if (skip.has(bench.name)) continue;
    // Another helper's benchmark may not exist yet in every checkout.
    if (!fs.existsSync(path.join(REPO, 'tests', 'bench', bench.file))) continue;
    const started = Date.now();
    try {
      const figures = await runBench(bench.file);
      results.push({ bench, figures, error: null, seconds: Math.round((Date.now() - started) / 1000) });
    } catch (error) {
      results.push({
        bench,
        figures: null,
        error: (error as Error).message,
        seconds: Math.round((Date.now() - started) / 1000),
      });
    }
  }
  printCombined(results);
  if (values.json)
    console.log(
      JSON.stringify(Object.fromEntries(results.map((r) => [r.bench.name, r.figures ?? { error: r.error }]))),
    );
  if (results.some((r) => !r.figures)) process.exitCode = 1;
}

await main();
