import { summarize, type Outcome, type Scenario, type Summary } from '@chaos-quest/engine';
import type { BotPolicy, Playthrough } from './bot-playthrough.ts';
import { coverage, formatCoverage, type Coverage } from './simulate-coverage.ts';

/** The aggregate of many playthroughs: only counts and game-clock figures, so it is reproducible. */
export interface SimulationReport {
  scenario: string;
  seed: string;
  runs: number;
  maxSteps: number;
  policy: BotPolicy;
  /** Roles with a bot seated; null for every role. */
  seats: string[] | null;
  endings: { id: string; outcome: Outcome | null; runs: number; share: number; neverReached: boolean }[];
  /** Endings no run reached. */
  unreached: string[];
  outcomes: Record<Outcome | 'stuck', number>;
  scenes: { id: string; runs: number; visits: number; untested: boolean }[];
  untested: string[];
  /** Game minutes from the fault's onset. */
  timeToDetect: Summary;
  timeToResolve: Summary;
  gameMinutesAtEnd: Summary;
  stuck: number;
  coverage: Coverage;
}

const share = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 1000) / 10);

/** Aggregates playthroughs into ending, outcome, scene and timing figures. Pure. */
export function aggregate(
  scenario: Scenario,
  options: { seed: string; maxSteps: number; policy: BotPolicy; seats: readonly string[] | null },
  runs: readonly Playthrough[],
): SimulationReport {
  const { seed, maxSteps, policy } = options;
  const total = runs.length;
  const endings = scenario.endings.map((e) => {
    const reached = runs.filter((r) => r.ending === e.id).length;
    return { id: e.id, outcome: e.outcome, runs: reached, share: share(reached, total), neverReached: reached === 0 };
  });
  const stuck = runs.filter((r) => r.ending === null).length;
  const outcomes = { success: 0, partial: 0, failure: 0, stuck };
  for (const r of runs) if (r.outcome) outcomes[r.outcome]++;
  const scenes = scenario.scenes.map((s) => {
    const visits = runs.reduce((n, r) => n + r.scenes.filter((id) => id === s.id).length, 0);
    const visited = runs.filter((r) => r.scenes.includes(s.id)).length;
    return { id: s.id, runs: visited, visits, untested: visited === 0 };
  });
  const present = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
  return {
    scenario: scenario.id,
    seed,
    runs: total,
    maxSteps,
    policy,
    seats: options.seats ? [...options.seats] : null,
    endings,
    unreached: endings.filter((e) => e.neverReached).map((e) => e.id),
    outcomes,
    scenes,
    untested: scenes.filter((s) => s.untested).map((s) => s.id),
    timeToDetect: summarize(present(runs.map((r) => r.detect))),
    timeToResolve: summarize(present(runs.map((r) => r.resolve))),
    gameMinutesAtEnd: summarize(runs.map((r) => r.clock)),
    stuck,
    coverage: coverage(scenario, runs),
  };
}

const pad = (text: string | number, width: number) => String(text).padEnd(width);
const padLeft = (text: string | number, width: number) => String(text).padStart(width);
const percent = (value: number) => `${value.toFixed(1)}%`;
const figure = (value: number | null) =>
  value === null ? '-' : Number.isInteger(value) ? String(value) : value.toFixed(1);

function table(rows: string[][], rightAligned: ReadonlySet<number>): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows.map((r) =>
    `  ${r.map((cell, c) => (rightAligned.has(c) ? padLeft(cell, widths[c] ?? 0) : pad(cell, widths[c] ?? 0))).join('  ')}`.trimEnd(),
  );
}

/** The report as text, for a terminal. Deterministic: the same report gives the same bytes. */
export function formatReport(report: SimulationReport): string {
  const { runs } = report;
  const lines = [
    `Simulated ${runs} run${runs === 1 ? '' : 's'} of ${report.scenario} (seed "${report.seed}", at most ${report.maxSteps} steps each)`,
    `Bots: ${report.policy}; seated: ${report.seats === null ? 'every role' : report.seats.join(', ') || 'nobody'}`,
    '',
    'Endings',
  ];
  const endingRows = report.endings.map((e) => [
    e.id,
    e.outcome ?? '',
    String(e.runs),
    percent(e.share),
    e.neverReached ? 'NEVER REACHED' : '',
  ]);
  if (report.stuck > 0) endingRows.push(['(stuck)', '', String(report.stuck), percent(share(report.stuck, runs))]);
  lines.push(...table(endingRows, new Set([2, 3])), '');
  if (report.unreached.length > 0) lines.push(`Never reached: ${report.unreached.join(', ')}`, '');
  lines.push('Outcomes');
  const outcomeRows = Object.entries(report.outcomes).map(([name, n]) => [name, String(n), percent(share(n, runs))]);
  lines.push(...table(outcomeRows, new Set([1, 2])), '', 'Scenes (runs that visited each, total visits)');
  const sceneRows = report.scenes.map((s) => [
    s.id,
    String(s.runs),
    percent(share(s.runs, runs)),
    `${s.visits} visits`,
    s.untested ? 'UNTESTED' : '',
  ]);
  lines.push(...table(sceneRows, new Set([1, 2, 3])), '');
  lines.push(
    report.untested.length === 0
      ? 'Every scene was visited.'
      : `Untested (never visited): ${report.untested.join(', ')}`,
    '',
  );
  lines.push("Game clock, in minutes (detect and resolve count from the fault's onset)");
  const timing = (label: string, s: Summary) => [
    label,
    String(s.count),
    figure(s.median),
    figure(s.p90),
    figure(s.mean),
  ];
  lines.push(
    ...table(
      [
        ['', 'count', 'median', 'p90', 'mean'],
        timing('time to detect', report.timeToDetect),
        timing('time to resolve', report.timeToResolve),
        timing('game time played', report.gameMinutesAtEnd),
      ],
      new Set([1, 2, 3, 4]),
    ),
    '',
  );
  lines.push(...formatCoverage(report.coverage, table), '');
  const where = report.coverage.stuckIn.map((s) => `${s.scene} ${s.runs}`).join(', ');
  lines.push(
    report.stuck === 0
      ? 'Stuck runs: 0'
      : `Stuck runs: ${report.stuck} (no ending within ${report.maxSteps} steps; look for loops with no way out), in: ${where}`,
  );
  return `${lines.join('\n')}\n`;
}
