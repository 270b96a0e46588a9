/**
 * Flood-impact benchmark (issue 5, "Faults"): the other sessions' p99 with and without an
 * offender. The offender is a player of its own session in a separate process (lib/flood-child.ts)
 * that fires bursts of commands, is cut, reconnects at once and goes again, with an oversized
 * frame every third connection. Runs alternate without and with it on fresh servers; prints the
 * medians and their ratio (target: within 20%). Asserts nothing about time.
 *
 *   npm run bench:faults [-- --quick] [-- --json] [-- --rounds <n>]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO, spawnListening } from './lib/child-process.ts';
import { startChaosTarget } from './lib/load-target.ts';
import { runStep, type StepOptions, type StepResult } from './lib/load-step.ts';
import { median, printTable } from './lib/stats.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, rounds: { type: 'string' } } });
const quick = values.quick;
const ROUNDS = Number(values.rounds ?? (quick ? 1 : 3));
const STEP: StepOptions = { sessions: quick ? 20 : 50, players: 10, warmupMs: quick ? 1500 : 4000, measureMs: quick ? 5000 : 15_000, intervalMs: [200, 500], seed: 'flood-impact' };

interface FloodSeen {
  connections: number;
  refusedHandshakes: number;
  sent: number;
  accepted: number;
  refused: Record<string, number>;
  cuts: number;
  oversizedFrames: number;
}

/** One run on a fresh server, with the offender attacking throughout when `offender` is set. */
async function run(offender: boolean): Promise<{ step: StepResult; flood: FloodSeen | null }> {
  const target = await startChaosTarget();
  try {
    if (!offender) return { step: await runStep(target, STEP), flood: null };
    const [seat] = await target.openTables(1, 1);
    const token = seat?.players[0]?.['token'];
    if (typeof token !== 'string') throw new Error('no offender token');
    const flooder = await spawnListening(path.join(REPO, 'tests', 'bench', 'lib', 'flood-child.ts'), ['--url', target.child.url, `--token=${token}`]);
    let step: StepResult;
    try {
      step = await runStep(target, STEP);
    } finally {
      await flooder.stop();
    }
    const report = flooder.output.filter((l) => l.startsWith('{')).at(-1);
    return { step, flood: report ? (JSON.parse(report) as FloodSeen) : null };
  } finally {
    await target.close();
  }
}

async function main(): Promise<void> {
  const calm: StepResult[] = [];
  const flooded: StepResult[] = [];
  const floods: FloodSeen[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order, so a drift in the shared machine's load falls on both.
    for (const offender of round % 2 === 0 ? [false, true] : [true, false]) {
      const { step, flood } = await run(offender);
      (offender ? flooded : calm).push(step);
      if (flood) floods.push(flood);
    }
  }
  const figures = summarize(calm, flooded, floods);
  print(figures);
  if (values.json) console.log(JSON.stringify(figures));
}

/** Medians over rounds for the other sessions, totals for the offender. */
function summarize(calm: StepResult[], flooded: StepResult[], floods: FloodSeen[]) {
  const m = (runs: StepResult[], f: (r: StepResult) => number) => Math.round(median(runs.map(f)) * 100) / 100;
  const sum = (f: (s: FloodSeen) => number) => floods.reduce((n, s) => n + f(s), 0);
  const refusedByCode: Record<string, number> = {};
  for (const s of floods) for (const [code, n] of Object.entries(s.refused)) refusedByCode[code] = (refusedByCode[code] ?? 0) + n;
  return {
    quick,
    rounds: ROUNDS,
    sessions: STEP.sessions,
    players: STEP.players,
    p99WithoutOffenderMs: m(calm, (r) => r.p99Ms),
    p99WithOffenderMs: m(flooded, (r) => r.p99Ms),
    p50WithoutOffenderMs: m(calm, (r) => r.p50Ms),
    p50WithOffenderMs: m(flooded, (r) => r.p50Ms),
    p99WithOverWithout: Math.round((median(flooded.map((r) => r.p99Ms)) / median(calm.map((r) => r.p99Ms))) * 100) / 100,
    p99RatioTarget: 1.2,
    errorsWithoutOffender: calm.reduce((n, r) => n + r.errors, 0),
    errorsWithOffender: flooded.reduce((n, r) => n + r.errors, 0),
    offenderConnections: sum((s) => s.connections),
    offenderRefusedHandshakes: sum((s) => s.refusedHandshakes),
    offenderCommandsSent: sum((s) => s.sent),
    offenderCommandsAccepted: sum((s) => s.accepted),
    offenderCommandsRefused: Object.values(refusedByCode).reduce((a, b) => a + b, 0),
    offenderRefusedByCode: refusedByCode,
    offenderCuts: sum((s) => s.cuts),
    offenderOversizedFrames: sum((s) => s.oversizedFrames),
  };
}

function print(f: ReturnType<typeof summarize>): void {
  printTable(`Flood impact: ${f.sessions} sessions × ${f.players} players, median of ${f.rounds} round${f.rounds > 1 ? 's' : ''} each`, [
    ['others p50 / p99 without the offender', `${f.p50WithoutOffenderMs} / ${f.p99WithoutOffenderMs} ms`],
    ['others p50 / p99 with the offender', `${f.p50WithOffenderMs} / ${f.p99WithOffenderMs} ms`],
    [`p99 with ÷ without (target ≤ ${f.p99RatioTarget})`, `${f.p99WithOverWithout}`],
    ['errors in other sessions (without / with)', `${f.errorsWithoutOffender} / ${f.errorsWithOffender}`],
    ['offender: connections let in / refused, cuts, oversized frames', `${f.offenderConnections} / ${f.offenderRefusedHandshakes}, ${f.offenderCuts}, ${f.offenderOversizedFrames}`],
    ['offender: commands sent / acked ok / refused', `${f.offenderCommandsSent} / ${f.offenderCommandsAccepted} / ${f.offenderCommandsRefused} ${JSON.stringify(f.offenderRefusedByCode)}`],
  ]);
}

await main();
