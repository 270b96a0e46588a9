import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import seedrandom from 'seedrandom';
import type { Draw, TableScript } from './load-commands.ts';
import { cpuMs } from './load-step.ts';
import type { Ack } from './load-socket.ts';
import { percentile } from './stats.ts';

/** A player's end of one system's connection: the highest seq it holds, and a hook on each update. */
export interface BurstPlayer {
  readonly latestSeq: number;
  watch(listener: (() => void) | null): void;
}

/** One session of a system under a burst: sends a command as one of its seats, and its players. */
export interface BurstTable {
  readonly script: TableScript;
  readonly players: readonly BurstPlayer[];
  send(draw: Draw, timeoutMs: number): Promise<Ack | null>;
}

/** A system the burst drives: our server, the bare relay, or Colyseus, each in its own process. */
export interface BurstSystem {
  readonly name: string;
  readonly pid: number;
  /** Opens `count` sessions of `players` players, every socket connected and the game under way. */
  openTables(count: number, players: number): Promise<BurstTable[]>;
  /** What the system reports about itself since the last call (our server: its event loop), or null; called before the measured bursts and after them. */
  report?(): Promise<Record<string, number> | null>;
  /** Closes every socket and stops the process. */
  close(): Promise<void>;
}

export interface BurstOptions {
  sessions: number;
  players: number;
  /** Measured bursts; `warmup` more come first, unrecorded (JIT, the sessions' first lines). */
  bursts: number;
  warmup: number;
  /** Quiet time between two bursts, once every player of every session holds the last update. */
  gapMs: number;
  seed: string;
}

export interface BurstResult {
  system: string;
  sessions: number;
  players: number;
  /** Per session and burst: from the moment every session sends until every player of that session holds the update. */
  latencies: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Player updates that never arrived within the timeout (a refused or unanswered command misses all its players). */
  missed: number;
  /** Commands refused or never acked. */
  refused: number;
  serverCpuMsPerCommand: number;
  /** Write system calls of the server process per command (socket frames, and the store's for ours). */
  serverWritesPerCommand: number;
  /** CPU of the load generator (this process: every client socket's parsing) per command. */
  clientCpuMsPerCommand: number;
  /**
   * The measured bursts slowest first, at most SLOWEST_BURSTS: each one's worst session latency and
   * the server's CPU over it (10 ms ticks). A run's p99 lies within its few slowest bursts, so this
   * says whether they were slow for work done (CPU) or for waiting.
   */
  slowestBursts: { worstMs: number; serverCpuMs: number }[];
  report: Record<string, number> | null;
  failure: string | null;
}

const SLOWEST_BURSTS = 3;

/** How long a burst's command may take to reach every player before its missing ones count as missed. */
const BURST_TIMEOUT_MS = 10_000;

/**
 * Opens the tables, then `warmup + bursts` times sends one command from every session in the same
 * tick (each session's next command of the paced mix, so the engine accepts each) and waits until
 * every player of every session holds it, or the timeout. A session's latency runs from the burst's
 * start until its last player holds a view with the acked seq.
 */
export async function runBurst(system: BurstSystem, options: BurstOptions): Promise<BurstResult> {
  const base: BurstResult = {
    system: system.name,
    sessions: options.sessions,
    players: options.players,
    latencies: 0,
    p50Ms: Number.NaN,
    p99Ms: Number.NaN,
    maxMs: Number.NaN,
    missed: 0,
    refused: 0,
    serverCpuMsPerCommand: Number.NaN,
    serverWritesPerCommand: Number.NaN,
    clientCpuMsPerCommand: Number.NaN,
    slowestBursts: [],
    report: null,
    failure: null,
  };
  let tables: BurstTable[];
  try {
    tables = await system.openTables(options.sessions, options.players);
  } catch (error) {
    return { ...base, failure: `opening tables: ${(error as Error).message}` };
  }
  const random = seedrandom(options.seed);
  const latencies: number[] = [];
  let missed = 0;
  let refused = 0;
  let cpuBefore = Number.NaN;
  let writesBefore = Number.NaN;
  let clientBefore = process.cpuUsage();
  const perBurst: { worstMs: number; serverCpuMs: number }[] = [];
  for (let burst = 0; burst < options.warmup + options.bursts; burst++) {
    const recording = burst >= options.warmup;
    if (burst === options.warmup) {
      await system.report?.();
      cpuBefore = cpuMs(system.pid);
      writesBefore = writeCalls(system.pid);
      clientBefore = process.cpuUsage();
    }
    const draws = tables.map((t) => t.script.next(random));
    const burstCpu = cpuMs(system.pid);
    const start = performance.now();
    const outcomes = await Promise.all(tables.map((t, i) => deliver(t, draws[i] as Draw, start)));
    if (recording) {
      let worstMs = 0;
      for (const o of outcomes) {
        if (o.refused) refused += 1;
        missed += o.missed;
        if (o.latencyMs !== null) latencies.push(o.latencyMs);
        worstMs = Math.max(worstMs, o.latencyMs ?? 0);
      }
      perBurst.push({ worstMs: round(worstMs), serverCpuMs: cpuMs(system.pid) - burstCpu });
    }
    await sleep(options.gapMs);
  }
  const cpu = cpuMs(system.pid) - cpuBefore;
  const writes = writeCalls(system.pid) - writesBefore;
  const client = process.cpuUsage(clientBefore);
  const report = (await system.report?.()) ?? null;
  return {
    ...base,
    latencies: latencies.length,
    p50Ms: round(percentile(latencies, 0.5)),
    p99Ms: round(percentile(latencies, 0.99)),
    maxMs: round(latencies.reduce((m, x) => Math.max(m, x), 0)),
    missed,
    refused,
    serverCpuMsPerCommand: round(cpu / (options.bursts * options.sessions)),
    serverWritesPerCommand: round(writes / (options.bursts * options.sessions)),
    clientCpuMsPerCommand: round((client.user + client.system) / 1000 / (options.bursts * options.sessions)),
    slowestBursts: perBurst.sort((a, b) => b.worstMs - a.worstMs).slice(0, SLOWEST_BURSTS),
    report,
  };
}

interface Delivery {
  latencyMs: number | null;
  missed: number;
  refused: boolean;
}

/** Sends one command and resolves once every player of the table holds its seq (or the timeout passed). */
async function deliver(table: BurstTable, draw: Draw, start: number): Promise<Delivery> {
  const ack = await table.send(draw, BURST_TIMEOUT_MS);
  if (!ack || !ack.ok) return { latencyMs: null, missed: table.players.length, refused: true };
  const seq = ack.seq;
  const behind = () => table.players.filter((p) => p.latestSeq < seq).length;
  if (behind() === 0) return { latencyMs: performance.now() - start, missed: 0, refused: false };
  return new Promise((resolve) => {
    const done = (result: Delivery) => {
      clearTimeout(timer);
      for (const p of table.players) p.watch(null);
      resolve(result);
    };
    const timer = setTimeout(
      () => done({ latencyMs: null, missed: behind(), refused: false }),
      Math.max(0, start + BURST_TIMEOUT_MS - performance.now()),
    );
    const check = () => {
      if (behind() === 0) done({ latencyMs: performance.now() - start, missed: 0, refused: false });
    };
    for (const p of table.players) p.watch(check);
  });
}

/** Write system calls a process has made (`syscw` in /proc/<pid>/io); NaN where that is not readable. */
function writeCalls(pid: number): number {
  try {
    return Number(/^syscw: (\d+)$/m.exec(fs.readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number) => Math.round(x * 100) / 100;
