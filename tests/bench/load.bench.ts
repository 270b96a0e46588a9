/**
 * Load benchmark (issue 5, "Load"): S sessions × P players over real socket.io-client websockets
 * against the real server (a child process, SQLite with synchronous=FULL), driven from this
 * process at one command per session every 200–500 ms. Per command: the time from send until
 * every player of that session holds the view with that seq. In the same run the same generator
 * drives a bare Socket.IO relay (also a child) that broadcasts a copy of one of our views to the
 * same rooms: the ceiling of the stack. Then the largest S×P whose p99 stays under 100 ms.
 * Prints medians and ratios; asserts nothing about time.
 *
 * `--burst` measures the other shape instead (issue 18): every session sends one command in the
 * same tick, 20 times, against our server, the bare relay and Colyseus 0.18 (its own package in
 * tests/bench/colyseus, installed on first use), and prints our p99 ÷ each baseline's.
 *
 *   npm run bench:load [-- --quick] [-- --json] [-- --rounds <n>] [-- --search-minutes <m>] [-- --cpu-prof <dir>]
 *   npm run bench:load -- --burst [--quick] [--json] [--rounds <n>] [--bursts <n>] [--sessions <a,b>] [--cpu-prof <dir>]
 */
import { parseArgs } from 'node:util';
import { compareBurst, type ComparedBurst } from './lib/burst-compare.ts';
import { compareStep, ourStep, type ComparedStep } from './lib/load-compare.ts';
import { holds, searchCapacity, type SearchResult } from './lib/load-search.ts';
import type { StepOptions } from './lib/load-step.ts';
import { printTable } from './lib/stats.ts';
import { MAX_LIVE_SESSIONS } from '../../server/src/http/limits.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    'search-minutes': { type: 'string' },
    'cpu-prof': { type: 'string' },
    burst: { type: 'boolean', default: false },
    bursts: { type: 'string' },
    sessions: { type: 'string' },
  },
});
const quick = values.quick;
const PLAYERS = 10;
const P99_LIMIT_MS = 100;
/** The step the 1.5× target is about, and the one that must open 2,000 sockets without an error. */
const TARGET_STEP = quick ? 20 : 100;
const STEPS = quick ? [5, TARGET_STEP, 40] : [10, TARGET_STEP, 200];
const ROUNDS = Number(values.rounds ?? (quick ? 1 : 3));
const SEARCH_BUDGET_MS = Number(values['search-minutes'] ?? (quick ? 0.25 : 6)) * 60_000;
/** The server refuses more live sessions than its budget (503), so the search stops there and says so. */
const SEARCH_CAP = quick ? 80 : Math.min(1000, MAX_LIVE_SESSIONS);
const stepOptions = (sessions: number, measureMs = quick ? 4000 : 15_000): StepOptions => ({
  sessions,
  players: PLAYERS,
  warmupMs: quick ? 1500 : 5000,
  measureMs,
  intervalMs: [200, 500],
  seed: `load-${sessions}`,
});

async function main(): Promise<void> {
  const started = Date.now();
  const serverNodeArgs = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']] : undefined;
  if (values.burst) return burstMain(started, serverNodeArgs);
  const steps: ComparedStep[] = [];
  for (const sessions of STEPS) {
    const step = await compareStep({
      step: stepOptions(sessions),
      rounds: ROUNDS,
      ...(serverNodeArgs ? { serverNodeArgs } : {}),
    });
    steps.push(step);
    if (!values.json) printStep(step);
  }
  const search = await searchCapacity({
    known: steps.map((s) => ({
      sessions: s.sessions,
      p99Ms: s.p99Ms,
      errors: s.errors,
      failure: s.failure,
      holds: holds(s, P99_LIMIT_MS),
    })),
    p99LimitMs: P99_LIMIT_MS,
    budgetMs: SEARCH_BUDGET_MS,
    maxSessions: SEARCH_CAP,
    probe: (sessions) => ourStep(stepOptions(sessions, quick ? 3000 : 10_000)),
  });
  const figures = headline(steps, search, (Date.now() - started) / 1000);
  printSummary(steps, search, figures);
  if (values.json) console.log(JSON.stringify({ ...figures, steps, search }));
}

/** The figures run-all and the README quote, flat. */
function headline(steps: ComparedStep[], search: SearchResult, seconds: number) {
  const target = steps.find((s) => s.sessions === TARGET_STEP);
  const largest = steps[steps.length - 1];
  return {
    quick,
    rounds: ROUNDS,
    players: PLAYERS,
    targetStepSessions: TARGET_STEP,
    targetStepP99Ms: target?.p99Ms ?? Number.NaN,
    targetStepBareP99Ms: target?.bareP99Ms ?? Number.NaN,
    targetStepP99OverBare: target?.p99OverBare ?? Number.NaN,
    p99OverBareTarget: 1.5,
    targetStepCpuMsPerCommand: target?.serverCpuMsPerCommand ?? Number.NaN,
    targetStepBareCpuMsPerCommand: target?.bareCpuMsPerCommand ?? Number.NaN,
    targetStepCpuOverBare: target?.cpuOverBare ?? Number.NaN,
    largestStepSockets: largest?.sockets ?? 0,
    largestStepErrors: largest ? largest.errors + (largest.failure ? 1 : 0) : Number.NaN,
    maxSessionsUnder100MsP99: search.maxSessions,
    maxSocketsUnder100MsP99: search.maxSessions * (PLAYERS + 1),
    rssPerSocketBytes: largest?.rssPerSocketBytes ?? Number.NaN,
    bytesPerUpdatePerPlayer: target?.bytesPerUpdatePerPlayer ?? Number.NaN,
    seconds: Math.round(seconds),
  };
}

const ms = (x: number) => (Number.isFinite(x) ? `${x} ms` : 'n/a');
const kb = (x: number) => (Number.isFinite(x) ? `${(x / 1024).toFixed(1)} KB` : 'n/a');

function stopReason(search: SearchResult): string {
  if (search.stoppedBy !== 'cap') return search.stoppedBy;
  return SEARCH_CAP === MAX_LIVE_SESSIONS
    ? `the server's budget of ${MAX_LIVE_SESSIONS} live sessions, held`
    : `the search's cap of ${SEARCH_CAP} sessions, held`;
}

function printStep(s: ComparedStep): void {
  printTable(
    `${s.sessions} sessions × ${s.players} players (${s.sockets} sockets, median of ${s.rounds} round${s.rounds > 1 ? 's' : ''})`,
    [
      ['chaos-quest p50 / p99 / max', `${ms(s.p50Ms)} / ${ms(s.p99Ms)} / ${ms(s.maxMs)}`],
      ['bare socket.io p50 / p99 / max', `${ms(s.bareP50Ms)} / ${ms(s.bareP99Ms)} / ${ms(s.bareMaxMs)}`],
      ['p99 ÷ bare p99', `${s.p99OverBare}`],
      ['commands measured (all rounds)', `${s.commands}`],
      [
        'errors (ours / bare)',
        `${s.errors} / ${s.bareErrors}${s.errors > 0 ? ` ${JSON.stringify(s.errorKinds)}` : ''}`,
      ],
      [
        'server CPU per command (ours / bare)',
        `${s.serverCpuMsPerCommand} / ${s.bareCpuMsPerCommand} ms (${s.cpuOverBare}×)`,
      ],
      ['server RSS per socket (ours / bare)', `${kb(s.rssPerSocketBytes)} / ${kb(s.bareRssPerSocketBytes)}`],
      ['bytes per update per player (ours / bare)', `${s.bytesPerUpdatePerPlayer} / ${s.bareBytesPerUpdatePerPlayer}`],
      ...(s.failure ? [['failure', s.failure] as [string, string]] : []),
    ],
  );
}

function printSummary(steps: ComparedStep[], search: SearchResult, f: ReturnType<typeof headline>): void {
  printTable('Load: headline', [
    ...steps.map(
      (s) =>
        [
          `${s.sessions}×${s.players}: p99 ours / bare (ratio), errors`,
          `${ms(s.p99Ms)} / ${ms(s.bareP99Ms)} (${s.p99OverBare}), ${s.errors}`,
        ] as [string, string],
    ),
    [
      `p99 ÷ bare at ${f.targetStepSessions}×${PLAYERS} (target ≤ ${f.p99OverBareTarget})`,
      `${f.targetStepP99OverBare}`,
    ],
    [`errors at ${f.largestStepSockets} sockets (target 0)`, `${f.largestStepErrors}`],
    [
      `largest S×${PLAYERS} with p99 < ${P99_LIMIT_MS} ms`,
      `${f.maxSessionsUnder100MsP99} sessions, ${f.maxSocketsUnder100MsP99} sockets (search stopped: ${stopReason(search)})`,
    ],
    [
      'search probes (S: p99, errors)',
      search.probes
        .map(
          (p) =>
            `${p.sessions}: ${p.failure ? `failed (${p.failure})` : ms(p.p99Ms)}, ${p.errors}${p.holds ? ' ✓' : ' ✗'}`,
        )
        .join('; '),
    ],
    ['wall time', `${f.seconds} s`],
  ]);
}

/** Burst shape: every session acts at once; ours against the bare relay and Colyseus, per step. */
async function burstMain(started: number, serverNodeArgs: string[] | undefined): Promise<void> {
  const sessions = values.sessions ? values.sessions.split(',').map(Number) : quick ? [20] : [100, 200];
  const bursts = Number(values.bursts ?? 20);
  const steps: ComparedBurst[] = [];
  for (const s of sessions) {
    const step = await compareBurst({
      sessions: s,
      players: PLAYERS,
      bursts,
      warmup: 3,
      gapMs: 100,
      seed: `burst-${s}`,
      rounds: ROUNDS,
      ...(serverNodeArgs ? { serverNodeArgs } : {}),
    });
    steps.push(step);
    if (!values.json) printBurst(step);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  printTable('Burst: headline', [
    ...steps.map(
      (s) =>
        [
          `${s.sessions}×${s.players}: p99 ours / bare / colyseus`,
          `${ms(s.ours.p99Ms)} / ${ms(s.bare.p99Ms)} / ${ms(s.colyseus.p99Ms)}; ÷ colyseus ${s.p99OverColyseus}, ÷ bare ${s.p99OverBare}; missed ${s.ours.missed} / ${s.bare.missed} / ${s.colyseus.missed}`,
        ] as [string, string],
    ),
    ['wall time', `${seconds} s`],
  ]);
  if (values.json) console.log(JSON.stringify({ quick, burst: true, rounds: ROUNDS, bursts, steps, seconds }));
}

const slowest = (x: ComparedBurst['ours']) =>
  x.slowestBursts.map((round) => round.map((b) => `${b.worstMs} (${b.serverCpuMs})`).join(', ')).join(' · ');

function printBurst(s: ComparedBurst): void {
  const row = (x: ComparedBurst['ours']) =>
    `${ms(x.p50Ms)} / ${ms(x.p99Ms)} / ${ms(x.maxMs)}; missed ${x.missed}, refused ${x.refused}; server CPU ${x.serverCpuMsPerCommand} ms and ${x.serverWritesPerCommand} write calls per command, generator CPU ${x.clientCpuMsPerCommand} ms; p99 per round ${x.p99sMs.join(', ')}${x.failure ? `; FAILED ${x.failure}` : ''}`;
  printTable(
    `Burst: ${s.sessions} sessions × ${s.players} players, ${s.bursts} bursts (median of ${s.rounds} interleaved round${s.rounds > 1 ? 's' : ''})`,
    [
      ['chaos-quest p50 / p99 / max', row(s.ours)],
      ['bare socket.io p50 / p99 / max', row(s.bare)],
      ['colyseus 0.18 p50 / p99 / max', row(s.colyseus)],
      ['p99 ÷ colyseus p99 (goal ≤ 1)', `${s.p99OverColyseus}`],
      ['p99 ÷ bare p99', `${s.p99OverBare}`],
      ['server CPU per command ÷ colyseus', `${s.cpuOverColyseus}`],
      ['our slowest bursts per round: worst ms (server CPU ms)', slowest(s.ours)],
      ['colyseus slowest bursts per round', slowest(s.colyseus)],
      ['our event loop over the bursts', s.eventLoop ? JSON.stringify(s.eventLoop) : 'n/a'],
    ],
  );
}

await main();
