import { startBareTarget, startChaosTarget, type LoadTarget } from './load-target.ts';
import { runStep, type StepOptions, type StepResult, type UpdateSample } from './load-step.ts';
import { median } from './stats.ts';

/** One step's figures: the real server and the bare relay, medians over interleaved rounds. */
export interface ComparedStep {
  sessions: number;
  players: number;
  sockets: number;
  rounds: number;
  commands: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  errorKinds: Record<string, number>;
  bareP50Ms: number;
  bareP99Ms: number;
  bareMaxMs: number;
  bareErrors: number;
  /** Our p99 ÷ the bare relay's p99 (medians over rounds): 1 is the ceiling of the stack. */
  p99OverBare: number;
  rssPerSocketBytes: number;
  bareRssPerSocketBytes: number;
  bytesPerUpdatePerPlayer: number;
  bareBytesPerUpdatePerPlayer: number;
  serverCpuMsPerCommand: number;
  bareCpuMsPerCommand: number;
  /** Our server CPU per command ÷ the relay's: how much more work a command costs us. */
  cpuOverBare: number;
  failure: string | null;
}

export interface CompareOptions {
  step: StepOptions;
  rounds: number;
  /** Node flags for the real server's child (`--cpu-prof …`). */
  serverNodeArgs?: string[];
}

/**
 * Runs the step `rounds` times against each target, alternating which goes first so that drift
 * in a shared machine's load falls on both. The bare relay sends back the view and patches the
 * real server sent in the round before it, so both move the same bytes. Each run gets a fresh child process.
 */
export async function compareStep(options: CompareOptions): Promise<ComparedStep> {
  const ours: StepResult[] = [];
  const bare: StepResult[] = [];
  let sample: UpdateSample | null = null;
  const runOurs = async () => {
    const result = await withTarget(
      () => startChaosTarget(options.serverNodeArgs ? { nodeArgs: options.serverNodeArgs } : {}),
      options.step,
    );
    ours.push(result);
    sample = result.sample ?? sample;
  };
  const runBare = async () => bare.push(await withTarget(() => startBareTarget(sample), options.step));
  for (let round = 0; round < options.rounds; round++) {
    // The relay needs a real view to copy, so the very first run is ours.
    if (round % 2 === 0) {
      await runOurs();
      await runBare();
    } else {
      await runBare();
      await runOurs();
    }
  }
  return summarize(options, ours, bare);
}

/** Runs one step against the real server alone (the capacity search needs no ceiling). */
export async function ourStep(step: StepOptions): Promise<StepResult> {
  return withTarget(() => startChaosTarget(), step);
}

async function withTarget(start: () => Promise<LoadTarget>, step: StepOptions): Promise<StepResult> {
  const target = await start();
  try {
    return await runStep(target, step);
  } finally {
    await target.close();
  }
}

function summarize(options: CompareOptions, ours: StepResult[], bare: StepResult[]): ComparedStep {
  const m = (runs: StepResult[], f: (r: StepResult) => number) => round(median(runs.filter((r) => !r.failure).map(f)));
  const errorKinds: Record<string, number> = {};
  for (const r of ours) for (const [k, n] of Object.entries(r.errorKinds)) errorKinds[k] = (errorKinds[k] ?? 0) + n;
  const failure = [...ours, ...bare].map((r) => r.failure && `${r.target}: ${r.failure}`).find(Boolean) ?? null;
  const p99 = m(ours, (r) => r.p99Ms);
  const bareP99 = m(bare, (r) => r.p99Ms);
  const cpu = m(ours, (r) => r.serverCpuMsPerCommand);
  const bareCpu = m(bare, (r) => r.serverCpuMsPerCommand);
  return {
    sessions: options.step.sessions,
    players: options.step.players,
    sockets: options.step.sessions * (options.step.players + 1),
    rounds: options.rounds,
    commands: ours.reduce((n, r) => n + r.commands, 0),
    p50Ms: m(ours, (r) => r.p50Ms),
    p99Ms: p99,
    maxMs: m(ours, (r) => r.maxMs),
    errors: ours.reduce((n, r) => n + r.errors, 0),
    errorKinds,
    bareP50Ms: m(bare, (r) => r.p50Ms),
    bareP99Ms: bareP99,
    bareMaxMs: m(bare, (r) => r.maxMs),
    bareErrors: bare.reduce((n, r) => n + r.errors, 0),
    p99OverBare: round(p99 / bareP99),
    rssPerSocketBytes: m(ours, (r) => r.rssPerSocketBytes),
    bareRssPerSocketBytes: m(bare, (r) => r.rssPerSocketBytes),
    bytesPerUpdatePerPlayer: m(ours, (r) => r.bytesPerUpdatePerPlayer),
    bareBytesPerUpdatePerPlayer: m(bare, (r) => r.bytesPerUpdatePerPlayer),
    serverCpuMsPerCommand: cpu,
    bareCpuMsPerCommand: bareCpu,
    cpuOverBare: round(cpu / bareCpu),
    failure,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
