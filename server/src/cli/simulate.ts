import { parseArgs } from 'node:util';
import { sha256 } from '@chaos-quest/engine';
import { BOT_POLICIES, playthrough, type BotPolicy, type Playthrough } from './bot-playthrough.ts';
import type { CliIo } from './cli-io.ts';
import { renderDiagnostic } from './render-diagnostic.ts';
import { readScenarioFile } from './scenario-files.ts';
import { aggregate, formatReport } from './simulate-report.ts';
import { UsageError } from './usage-error.ts';

const DEFAULTS = { runs: 100, seed: 'chaos-quest', maxSteps: 500 } as const;
/** Progress is worth showing only when a run takes long enough to wonder about. */
const PROGRESS_FROM_RUNS = 200;

/** main.ts marks its io when standard error is a terminal; a test's io never is one. */
const onTerminal = (io: CliIo): boolean => 'errIsTerminal' in io && io.errIsTerminal === true;

function count(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError(`${name} must be a whole number from 1 to ${max}, not '${value}'.`);
  return n;
}

function options(args: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      runs: { type: 'string' },
      seed: { type: 'string' },
      'max-steps': { type: 'string' },
      policy: { type: 'string' },
      seats: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError(`simulate takes one scenario file, not ${positionals.length}.`);
  if (values.seed !== undefined && values.seed.trim() === '') throw new UsageError('--seed must not be empty.');
  const policy = (values.policy ?? 'random') as BotPolicy;
  if (!BOT_POLICIES.includes(policy))
    throw new UsageError(`--policy is ${BOT_POLICIES.join(', ')}; not '${values.policy}'.`);
  return {
    file: positionals[0] as string,
    runs: count(values.runs, '--runs', DEFAULTS.runs, 100_000),
    seed: values.seed ?? DEFAULTS.seed,
    maxSteps: count(values['max-steps'], '--max-steps', DEFAULTS.maxSteps, 100_000),
    json: values.json,
    policy,
    // `--seats ""` leaves every role empty: the facilitator plays alone.
    seats:
      values.seats === undefined
        ? null
        : values.seats
            .split(',')
            .map((r) => r.trim())
            .filter((r) => r !== ''),
  };
}

/**
 * `chaos-quest simulate`: headless playthroughs of one scenario. Returns 0 after printing the
 * report, 1 if the scenario has errors (printed instead). Throws UsageError for bad arguments.
 * Output depends only on the file, the seed, --runs and --max-steps.
 */
export async function simulate(args: readonly string[], io: CliIo): Promise<number> {
  const o = options(args);
  // The bots find what exploring would, and more slowly; `validate` is where to look for it.
  const { scenario, diagnostics, text } = await readScenarioFile(o.file, io.cwd, false);
  for (const d of diagnostics) io.err(`${renderDiagnostic(d, text)}\n`);
  if (!scenario || text === null) {
    io.err(`${o.file} has errors; fix them before simulating (chaos-quest validate ${o.file}).\n`);
    return 1;
  }
  const unknown = (o.seats ?? []).filter((r) => !scenario.roles.some((role) => role.id === r));
  if (unknown.length > 0)
    throw new UsageError(
      `--seats names no role ${unknown.join(', ')}; roles: ${scenario.roles.map((r) => r.id).join(', ')}.`,
    );
  const hash = sha256(text);
  const progress = onTerminal(io) && o.runs >= PROGRESS_FROM_RUNS;
  const runs: Playthrough[] = [];
  for (let i = 0; i < o.runs; i++) {
    runs.push(playthrough(scenario, hash, `${o.seed}:${i}`, o));
    if (progress && (i + 1) % 50 === 0) io.err(`\rsimulating: ${i + 1}/${o.runs}`);
  }
  if (progress) io.err('\r\x1b[K');
  const report = aggregate(scenario, o, runs);
  io.out(o.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return 0;
}
