/**
 * Fault-impact benchmark (issue 5, "Faults"; issue 9, finding 1): the other sessions' p99 and the
 * server's peak RSS without an attacker and with each of three, every attacker a player of its own
 * session in a separate process:
 * - flood (lib/flood-child.ts): bursts of commands, cut, reconnect at once and go again, with an
 *   oversized frame every other connection;
 * - inflate-resync (lib/hostile-child.ts): fills its session to the text budget, then keeps four
 *   non-reading sockets on each of ten seats asking for a resync ten times a second;
 * - connect-storm (lib/hostile-child.ts): one token opening ten non-reading sockets every 100 ms.
 * Each round runs all four on fresh servers, in alternating order; prints medians over rounds and
 * the ratios (target: p99 within 1.2×, RSS under 512 MB). Asserts nothing about time.
 *
 *   npm run bench:faults [-- --quick] [-- --json] [-- --rounds <n>]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO, rssBytes, spawnListening, type ListeningChild } from './lib/child-process.ts';
import { startChaosTarget, type LoadTarget } from './lib/load-target.ts';
import { runStep, type StepOptions, type StepResult } from './lib/load-step.ts';
import { median, printTable } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    rounds: { type: 'string' },
  },
});
const quick = values.quick;
const ROUNDS = Number(values.rounds ?? (quick ? 1 : 3));
const STEP: StepOptions = {
  sessions: quick ? 20 : 50,
  players: 10,
  warmupMs: quick ? 1500 : 4000,
  measureMs: quick ? 5000 : 15_000,
  intervalMs: [200, 500],
  seed: 'flood-impact',
};

interface FloodSeen {
  connections: number;
  refusedHandshakes: number;
  sent: number;
  accepted: number;
  refused: Record<string, number>;
  cuts: number;
  oversizedFrames: number;
}

type Attack = 'flood' | 'inflate-resync' | 'connect-storm';
const ATTACKS: readonly Attack[] = ['flood', 'inflate-resync', 'connect-storm'];
const RSS_TARGET_MB = 512;

interface Run {
  step: StepResult;
  /** The server's highest RSS sampled (every 100 ms) from before the attacker started to the end of the step. */
  peakRssMb: number;
  /** What the attacker printed when stopped. */
  seen: Record<string, unknown> | null;
}

/** Starts the attacker's process against `target`; it is ready once its attack has begun (after any set-up). */
async function startAttacker(target: LoadTarget, attack: Attack): Promise<ListeningChild> {
  const lib = path.join(REPO, 'tests', 'bench', 'lib');
  if (attack !== 'flood')
    return spawnListening(path.join(lib, 'hostile-child.ts'), ['--url', target.child.url, '--attack', attack], {
      readyTimeoutMs: 120_000,
    });
  const [seat] = await target.openTables(1, 1);
  const token = seat?.players[0]?.['token'];
  if (typeof token !== 'string') throw new Error('no offender token');
  return spawnListening(path.join(lib, 'flood-child.ts'), ['--url', target.child.url, `--token=${token}`]);
}

/** One run on a fresh server, with `attack` going on throughout (or none). */
async function run(attack: Attack | null): Promise<Run> {
  const target = await startChaosTarget();
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(target.child.pid) || 0)), 100);
  try {
    if (!attack) return { step: await runStep(target, STEP), peakRssMb: mb(peak), seen: null };
    const attacker = await startAttacker(target, attack);
    let step: StepResult;
    try {
      step = await runStep(target, STEP);
    } finally {
      await attacker.stop();
    }
    const report = attacker.output.filter((l) => l.startsWith('{')).at(-1);
    return { step, peakRssMb: mb(peak), seen: report ? (JSON.parse(report) as Record<string, unknown>) : null };
  } finally {
    clearInterval(sampler);
    await target.close();
  }
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

async function main(): Promise<void> {
  const runs = new Map<Attack | 'none', Run[]>([['none', []], ...ATTACKS.map((a) => [a, []] as [Attack, Run[]])]);
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order, so a drift in the shared machine's load falls on all.
    const order: (Attack | null)[] = [null, ...ATTACKS];
    for (const attack of round % 2 === 0 ? order : order.reverse()) runs.get(attack ?? 'none')?.push(await run(attack));
  }
  const figures = summarize(runs);
  print(figures);
  if (values.json) console.log(JSON.stringify(figures));
}

/** Medians over rounds for the other sessions and the peak RSS; totals for each attacker. */
function summarize(runs: Map<Attack | 'none', Run[]>) {
  const of = (key: Attack | 'none') => runs.get(key) ?? [];
  const m = (list: Run[], f: (r: Run) => number) => Math.round(median(list.map(f)) * 100) / 100;
  const calm = of('none');
  const calmP99 = median(calm.map((r) => r.step.p99Ms));
  const attacks = Object.fromEntries(
    ATTACKS.map((attack) => {
      const list = of(attack);
      return [
        attack,
        {
          p50Ms: m(list, (r) => r.step.p50Ms),
          p99Ms: m(list, (r) => r.step.p99Ms),
          p99OverCalm: Math.round((median(list.map((r) => r.step.p99Ms)) / calmP99) * 100) / 100,
          errors: list.reduce((n, r) => n + r.step.errors, 0),
          peakRssMb: m(list, (r) => r.peakRssMb),
          peakRssMaxMb: Math.max(...list.map((r) => r.peakRssMb)),
          attacker: totals(list.map((r) => r.seen)),
        },
      ];
    }),
  ) as Record<
    Attack,
    {
      p50Ms: number;
      p99Ms: number;
      p99OverCalm: number;
      errors: number;
      peakRssMb: number;
      peakRssMaxMb: number;
      attacker: Record<string, unknown>;
    }
  >;
  const flood = attacks.flood;
  const floodSeen = flood.attacker as Partial<FloodSeen>;
  return {
    quick,
    rounds: ROUNDS,
    sessions: STEP.sessions,
    players: STEP.players,
    p99RatioTarget: 1.2,
    rssTargetMb: RSS_TARGET_MB,
    p50WithoutOffenderMs: m(calm, (r) => r.step.p50Ms),
    p99WithoutOffenderMs: m(calm, (r) => r.step.p99Ms),
    errorsWithoutOffender: calm.reduce((n, r) => n + r.step.errors, 0),
    peakRssWithoutOffenderMb: m(calm, (r) => r.peakRssMb),
    // The flood's figures under the names they had before the other attacks joined.
    p50WithOffenderMs: flood.p50Ms,
    p99WithOffenderMs: flood.p99Ms,
    p99WithOverWithout: flood.p99OverCalm,
    errorsWithOffender: flood.errors,
    offenderConnections: floodSeen.connections ?? 0,
    offenderRefusedHandshakes: floodSeen.refusedHandshakes ?? 0,
    offenderCommandsSent: floodSeen.sent ?? 0,
    offenderCommandsAccepted: floodSeen.accepted ?? 0,
    offenderRefusedByCode: floodSeen.refused ?? {},
    offenderCommandsRefused: Object.values(floodSeen.refused ?? {}).reduce((a, b) => a + b, 0),
    offenderCuts: floodSeen.cuts ?? 0,
    offenderOversizedFrames: floodSeen.oversizedFrames ?? 0,
    attacks,
  };
}

/** Sums what attackers printed over rounds: counts and tallies add per key; sizes (`…Bytes`) keep the largest. */
function totals(reports: (Record<string, unknown> | null)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const report of reports) {
    for (const [key, value] of Object.entries(report ?? {})) {
      const before = typeof out[key] === 'number' ? (out[key] as number) : 0;
      if (typeof value === 'number') out[key] = key.endsWith('Bytes') ? Math.max(before, value) : before + value;
      else if (value && typeof value === 'object') {
        const into = (out[key] ?? {}) as Record<string, number>;
        for (const [k, n] of Object.entries(value as Record<string, number>)) into[k] = (into[k] ?? 0) + n;
        out[key] = into;
      }
    }
  }
  return out;
}

function print(f: ReturnType<typeof summarize>): void {
  const rows: [string, string][] = [
    [
      'no attacker: others p50 / p99, errors, server peak RSS',
      `${f.p50WithoutOffenderMs} / ${f.p99WithoutOffenderMs} ms, ${f.errorsWithoutOffender}, ${f.peakRssWithoutOffenderMb} MB`,
    ],
  ];
  for (const attack of ATTACKS) {
    const a = f.attacks[attack];
    rows.push([`${attack}: others p50 / p99, errors`, `${a.p50Ms} / ${a.p99Ms} ms, ${a.errors}`]);
    rows.push([`${attack}: p99 with ÷ without (target ≤ ${f.p99RatioTarget})`, `${a.p99OverCalm}`]);
    rows.push([
      `${attack}: server peak RSS, median / max (target < ${f.rssTargetMb} MB)`,
      `${a.peakRssMb} / ${a.peakRssMaxMb} MB`,
    ]);
    rows.push([`${attack}: what the attacker saw`, JSON.stringify(a.attacker)]);
  }
  printTable(
    `Fault impact: ${f.sessions} sessions × ${f.players} players, median of ${f.rounds} round${f.rounds > 1 ? 's' : ''} each`,
    rows,
  );
}

await main();
