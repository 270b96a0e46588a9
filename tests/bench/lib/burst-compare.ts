import { runBurst, type BurstOptions, type BurstResult, type BurstSystem } from './burst-step.ts';
import { bareBurstSystem, chaosBurstSystem, colyseusBurstSystem } from './burst-systems.ts';
import type { UpdateSample } from './load-step.ts';
import { median } from './stats.ts';

/** One system's figures over the rounds: medians of each round's figure, missed updates summed. */
export interface BurstSummary extends Pick<
  BurstResult,
  | 'p50Ms'
  | 'p99Ms'
  | 'maxMs'
  | 'missed'
  | 'refused'
  | 'serverCpuMsPerCommand'
  | 'serverWritesPerCommand'
  | 'clientCpuMsPerCommand'
  | 'failure'
> {
  /** Each round's p99, in the order run. */
  p99sMs: number[];
  /** Each round's slowest bursts (see BurstResult), in the order run. */
  slowestBursts: BurstResult['slowestBursts'][];
}

export interface ComparedBurst {
  sessions: number;
  players: number;
  rounds: number;
  bursts: number;
  ours: BurstSummary;
  bare: BurstSummary;
  colyseus: BurstSummary;
  /** Our p99 ÷ Colyseus's p99, and ÷ the bare relay's (medians over rounds): at most 1 is the goal. */
  p99OverColyseus: number;
  p99OverBare: number;
  cpuOverColyseus: number;
  /** Our server's event loop over the measured bursts (medians over rounds): delay in ms and utilisation. */
  eventLoop: Record<string, number> | null;
}

export interface BurstCompareOptions extends BurstOptions {
  rounds: number;
  serverNodeArgs?: string[];
}

type Kind = 'ours' | 'bare' | 'colyseus';

/**
 * Runs the burst `rounds` times on each system, each run on a fresh child, rotating which goes
 * first (ours, bare, Colyseus; then bare, Colyseus, ours; …) so a shared machine's drift falls on
 * all three. The baselines send back what our server sent in its latest run (its first whole view,
 * and its patches in turn; Colyseus seeds its rooms' state from that view), so the first run is ours.
 */
export async function compareBurst(options: BurstCompareOptions): Promise<ComparedBurst> {
  const results: Record<Kind, BurstResult[]> = { ours: [], bare: [], colyseus: [] };
  let sample: UpdateSample | null = null;
  const order: Kind[] = ['ours', 'bare', 'colyseus'];
  const start = async (kind: Kind): Promise<BurstSystem & { sample?: () => UpdateSample | null }> => {
    if (kind === 'ours') return chaosBurstSystem(options.serverNodeArgs);
    if (!sample) throw new Error('The baselines need the views our server sent: run ours first.');
    return kind === 'bare' ? bareBurstSystem(sample) : colyseusBurstSystem(sample);
  };
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < order.length; k++) {
      const kind = order[(round + k) % order.length] as Kind;
      const system = await start(kind);
      try {
        results[kind].push(await runBurst(system, options));
        sample = system.sample?.() ?? sample;
      } finally {
        await system.close();
      }
    }
  }
  const ours = summarize(results.ours);
  const bare = summarize(results.bare);
  const colyseus = summarize(results.colyseus);
  const reports = results.ours.map((r) => r.report).filter((r): r is Record<string, number> => r !== null);
  const keys = reports[0] ? Object.keys(reports[0]) : [];
  return {
    sessions: options.sessions,
    players: options.players,
    rounds: options.rounds,
    bursts: options.bursts,
    ours,
    bare,
    colyseus,
    p99OverColyseus: round(ours.p99Ms / colyseus.p99Ms),
    p99OverBare: round(ours.p99Ms / bare.p99Ms),
    cpuOverColyseus: round(ours.serverCpuMsPerCommand / colyseus.serverCpuMsPerCommand),
    eventLoop:
      reports.length > 0
        ? Object.fromEntries(keys.map((k) => [k, round(median(reports.map((r) => r[k] ?? NaN)))]))
        : null,
  };
}

function summarize(runs: BurstResult[]): BurstSummary {
  const ok = runs.filter((r) => !r.failure);
  const m = (f: (r: BurstResult) => number) => round(median(ok.map(f)));
  return {
    p50Ms: m((r) => r.p50Ms),
    p99Ms: m((r) => r.p99Ms),
    maxMs: m((r) => r.maxMs),
    missed: runs.reduce((n, r) => n + r.missed, 0),
    refused: runs.reduce((n, r) => n + r.refused, 0),
    serverCpuMsPerCommand: m((r) => r.serverCpuMsPerCommand),
    serverWritesPerCommand: m((r) => r.serverWritesPerCommand),
    clientCpuMsPerCommand: m((r) => r.clientCpuMsPerCommand),
    p99sMs: runs.map((r) => r.p99Ms),
    slowestBursts: runs.map((r) => r.slowestBursts),
    failure: runs.map((r) => r.failure && `${r.system}: ${r.failure}`).find(Boolean) ?? null,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
