import type { PublishedRecord, RecordMilestone } from '../incident/record.ts';

export interface MetricsFilter {
  team?: string | undefined;
  scenario?: string | undefined;
  service?: string | undefined;
  /** Wall-clock ms window on the incident's start; both ends inclusive. */
  from?: number | undefined;
  to?: number | undefined;
  /** Practice records never mix with real incidents unless asked. */
  includeReal?: boolean | undefined;
}

export interface Summary {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
}

/** One figure on both clocks: game minutes (what the fiction says) and wall ms (how long the team took). */
export interface Figure {
  game: Summary;
  wall: Summary;
}

export interface Metrics {
  incidents: number;
  mttd: Figure;
  mtta: Figure;
  mttm: Figure;
  mttr: Figure;
  /** Per service: the window's length ÷ incidents on that service in it, in wall ms. */
  mtbf: Record<string, { incidents: number; wallMs: number | null }>;
  window: { from: number | null; to: number | null };
  falseAlarms: number;
  outcomes: Record<string, number>;
}

type Anchor = { from: RecordMilestone; to: RecordMilestone };
const FIGURES = {
  mttd: { from: 'started', to: 'detected' },
  mtta: { from: 'firstPage', to: 'acknowledged' },
  mttm: { from: 'started', to: 'mitigated' },
  mttr: { from: 'started', to: 'resolved' },
} as const satisfies Record<string, Anchor>;

/** Count, mean, median and p90 (nearest rank) of `values`; nulls when there are none. Pure. */
export function summarize(values: number[]): Summary {
  if (values.length === 0) return { count: 0, mean: null, median: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? (sorted[Math.floor(mid)] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { count: sorted.length, mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, median, p90: rank(0.9) };
}

/** How long from one milestone to another in a record, on both clocks; null if either is missing. */
export function span(record: PublishedRecord, anchor: Anchor): { game: number; wall: number } | null {
  const a = record.milestones[anchor.from];
  const b = record.milestones[anchor.to];
  if (!a || !b) return null;
  return { game: b.game - a.game, wall: Math.max(0, b.wall - a.wall) };
}

export function matches(record: PublishedRecord & { practice: boolean }, filter: MetricsFilter): boolean {
  const start = record.milestones.started?.wall ?? record.startedAt ?? 0;
  return (
    (record.practice || filter.includeReal === true) &&
    (filter.team === undefined || record.team === filter.team) &&
    (filter.scenario === undefined || record.scenario.id === filter.scenario) &&
    (filter.service === undefined || record.services.includes(filter.service)) &&
    (filter.from === undefined || start >= filter.from) &&
    (filter.to === undefined || start <= filter.to)
  );
}

/**
 * MTTD, MTTA, MTTM and MTTR (each with count, mean, median and p90, on the game and wall clocks),
 * MTBF per service, false alarms and outcomes over the records that pass `filter`. Pure.
 */
export function metrics(records: readonly PublishedRecord[], filter: MetricsFilter = {}): Metrics {
  const chosen = records.filter((r) => matches(r, filter));
  const figure = (anchor: Anchor): Figure => {
    const spans = chosen.map((r) => span(r, anchor)).filter((s) => s !== null);
    return { game: summarize(spans.map((s) => s.game)), wall: summarize(spans.map((s) => s.wall)) };
  };
  const starts = chosen.map((r) => r.milestones.started?.wall ?? r.startedAt).filter((x): x is number => x !== null);
  const from = filter.from ?? (starts.length ? Math.min(...starts) : null);
  const to = filter.to ?? (starts.length ? Math.max(...chosen.map((r) => r.endedAt ?? r.startedAt ?? 0)) : null);
  const mtbf: Metrics['mtbf'] = {};
  for (const service of [...new Set(chosen.flatMap((r) => r.services))].sort()) {
    const incidents = chosen.filter((r) => r.services.includes(service)).length;
    mtbf[service] = { incidents, wallMs: from !== null && to !== null && incidents > 0 ? (to - from) / incidents : null };
  }
  const outcomes: Record<string, number> = {};
  for (const r of chosen) outcomes[r.outcome ?? 'unfinished'] = (outcomes[r.outcome ?? 'unfinished'] ?? 0) + 1;
  return {
    incidents: chosen.length,
    mttd: figure(FIGURES.mttd),
    mtta: figure(FIGURES.mtta),
    mttm: figure(FIGURES.mttm),
    mttr: figure(FIGURES.mttr),
    mtbf,
    window: { from, to },
    falseAlarms: chosen.reduce((n, r) => n + r.falseAlarms.length, 0),
    outcomes,
  };
}
