import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import seedrandom from 'seedrandom';
import { rssBytes } from './child-process.ts';
import { TableScript } from './load-commands.ts';
import { connectAll, type LoadSocket } from './load-socket.ts';
import { LoadSink, LoadTable } from './load-table.ts';
import type { LoadTarget, TableSeats } from './load-target.ts';
import { percentile } from './stats.ts';

/** Real frames a step's players received: the bare relay sends these, so both move the same bytes. */
export interface UpdateSample {
  view: unknown;
  patches: unknown[];
}

export interface StepOptions {
  sessions: number;
  players: number;
  /** Driven but not recorded: the tables fill their timelines and the JITs warm up. */
  warmupMs: number;
  measureMs: number;
  /** Each table sends one command every this many ms, drawn uniformly from the range. */
  intervalMs: readonly [number, number];
  seed: string;
}

/** What one step measured against one target. */
export interface StepResult {
  target: string;
  sessions: number;
  players: number;
  sockets: number;
  /** Commands sent in the measured window, and their latencies (send → every player has the view). */
  commands: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Everything that went wrong in the whole step, warm-up included: refused or unanswered commands, views that never arrived, dropped sockets. */
  errors: number;
  errorKinds: Record<string, number>;
  rssPerSocketBytes: number;
  serverRssBytes: number;
  /** Bytes a player's socket receives per update: its `view`, `patch` and `me` frames' bytes ÷ its view and patch frames. */
  bytesPerUpdatePerPlayer: number;
  /** Server CPU time (user + system) per measured command. */
  serverCpuMsPerCommand: number;
  /** Set when the step could not run at all (say, sockets refused); the figures are then empty. */
  failure: string | null;
  /** What players received, for the bare relay to send back alike: a whole view, and patches from the window. */
  sample: UpdateSample | null;
}

const DRAIN_MS = 10_000;

/**
 * Runs one load step against `target`: opens the tables, connects every socket (RSS read before
 * and after), seats the players and starts the games, drives commands for warm-up plus the
 * measured window, waits for the last views, and closes the sockets. Never rejects for what the
 * server does wrong: that becomes errors or `failure` in the result.
 */
export async function runStep(target: LoadTarget, options: StepOptions): Promise<StepResult> {
  const sink = new LoadSink();
  const base = emptyResult(target.name, options);
  let seats: TableSeats[];
  try {
    seats = await target.openTables(options.sessions, options.players);
  } catch (error) {
    return { ...base, failure: `opening tables: ${(error as Error).message}` };
  }
  const rssBefore = rssBytes(target.child.pid);
  let sockets: LoadSocket[];
  try {
    sockets = await connectAll(
      target.child.url,
      seats.flatMap((s) => [s.facilitator, ...s.players]),
    );
  } catch (error) {
    return { ...base, failure: `connecting sockets: ${(error as Error).message}` };
  }
  const rssAfter = rssBytes(target.child.pid);
  const per = options.players + 1;
  const tables = seats.map(
    (s, i) =>
      new LoadTable(
        sockets[i * per] as LoadSocket,
        sockets.slice(i * per + 1, (i + 1) * per),
        new TableScript(s.playerIds),
        sink,
      ),
  );
  try {
    await Promise.all(
      tables.map(async (t) => {
        for (const draw of t.script.opening()) await t.send(draw, false);
      }),
    );
    const played = await drive(tables, options, target.child.pid);
    const latencies = sink.latencies;
    const drops = sockets.reduce((n, s) => n + s.drops, 0);
    if (drops > 0) sink.errors.set('socket-dropped', drops);
    return {
      ...base,
      commands: sink.sent,
      p50Ms: round(percentile(latencies, 0.5)),
      p99Ms: round(percentile(latencies, 0.99)),
      maxMs: round(latencies.reduce((m, x) => Math.max(m, x), 0)),
      errors: sink.errorCount,
      errorKinds: Object.fromEntries(sink.errors),
      rssPerSocketBytes: Math.round((rssAfter - rssBefore) / sockets.length),
      serverRssBytes: rssAfter,
      bytesPerUpdatePerPlayer: Math.round(played.updateBytes / Math.max(1, played.updates)),
      serverCpuMsPerCommand: round(played.serverCpuMs / Math.max(1, sink.sent)),
      sample: played.sample,
    };
  } finally {
    for (const socket of sockets) socket.close();
  }
}

interface Played {
  updateBytes: number;
  updates: number;
  serverCpuMs: number;
  sample: UpdateSample | null;
}

/** Drives every table open-loop (one command per interval, whether or not the last was answered). */
async function drive(tables: readonly LoadTable[], options: StepOptions, pid: number): Promise<Played> {
  const random = seedrandom(options.seed);
  const [lo, hi] = options.intervalMs;
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const stopAt = measureFrom + options.measureMs;
  const timers = new Set<NodeJS.Timeout>();
  const loop = (table: LoadTable) => {
    const now = performance.now();
    if (now >= stopAt) return;
    void table.send(table.script.next(random), now >= measureFrom);
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        loop(table);
      },
      lo + random() * (hi - lo),
    );
    timers.add(timer);
  };
  for (const table of tables) {
    const timer = setTimeout(() => loop(table), random() * hi);
    timers.add(timer);
  }
  const players = tables.flatMap((t) => t.players);
  // One player of each of up to ten tables samples the patches of the first half of the window.
  const samplers = tables.slice(0, 10).flatMap((t) => t.players.slice(0, 1));
  await sleep(options.warmupMs);
  const before = {
    bytes: sum(players, (p) => p.updateBytes),
    updates: sum(players, (p) => p.updates),
    cpu: cpuMs(pid),
  };
  for (const sampler of samplers) sampler.sampling = true;
  await sleep(options.measureMs / 2);
  for (const sampler of samplers) sampler.sampling = false;
  const patches = interleave(samplers.map((p) => p.sampledPatches));
  const sample = samplers[0] && patches.length > 0 ? { view: samplers[0].firstView, patches } : null;
  await sleep(options.measureMs / 2);
  const after = { bytes: sum(players, (p) => p.updateBytes), updates: sum(players, (p) => p.updates), cpu: cpuMs(pid) };
  for (const timer of timers) clearTimeout(timer);
  const drainUntil = performance.now() + DRAIN_MS;
  while (tables.some((t) => !t.quiet) && performance.now() < drainUntil) await sleep(20);
  for (const table of tables) table.abandon();
  return {
    updateBytes: after.bytes - before.bytes,
    updates: after.updates - before.updates,
    serverCpuMs: after.cpu - before.cpu,
    sample,
  };
}

/** The lists' items taken in turn (a, b, c, a, b, c…), so the relay's sequence mixes the tables as ours did. */
function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++)
    for (const list of lists) if (i < list.length) out.push(list[i] as T);
  return out;
}

/** User + system CPU ms of a process, from /proc/<pid>/stat; NaN where there is no /proc. */
export function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at ')'; utime and stime are
    // fields 14 and 15, in clock ticks of 1/100 s on Linux.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

function emptyResult(target: string, o: StepOptions): StepResult {
  return {
    target,
    sessions: o.sessions,
    players: o.players,
    sockets: o.sessions * (o.players + 1),
    commands: 0,
    p50Ms: Number.NaN,
    p99Ms: Number.NaN,
    maxMs: Number.NaN,
    errors: 0,
    errorKinds: {},
    rssPerSocketBytes: Number.NaN,
    serverRssBytes: Number.NaN,
    bytesPerUpdatePerPlayer: Number.NaN,
    serverCpuMsPerCommand: Number.NaN,
    failure: null,
    sample: null,
  };
}

const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number) => Math.round(x * 100) / 100;
