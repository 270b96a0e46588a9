import type { PublishedRecord, RecordMilestone } from '../incident/record.ts';

export interface MetricsFilter {
  team?: string | undefined;
  scenario?: string | undefined;
  service?: string | undefined;
  /** Wall-clock ms window on the incident's start; both ends inclusive. */
  from?: number | undefined;
  to?: number | undefined;
}

export interface Summary {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
}

type Anchor = { from: RecordMilestone; to: RecordMilestone };

/** Count, mean, median and p90 (nearest rank) of `values`; nulls when there are none. Pure. */
export function summarize(values: number[]): Summary {
  if (values.length === 0) return { count: 0, mean: null, median: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number;
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? (sorted[Math.floor(mid)] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { count: sorted.length, mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, median, p90: rank(0.9) };
}

/** How long from one milestone to another in a record, on both clocks; null if either is missing. */
export function span(record: PublishedRecord, anchor: Anchor): { game: number; wall: number } | null {
  const a = record.milestones[anchor.from];
  const b = record.milestones[anchor.to];
  if (!a || !b) return null;
  return { game: b.game - a.game, wall: Math.max(0, b.wall - a.wall) };
}

/** Whether a practice record passes the filter (team, scenario, service, window on its start). Pure. */
export function matches(record: PublishedRecord, filter: MetricsFilter): boolean {
  const start = record.milestones.started?.wall ?? record.startedAt ?? 0;
  return (
    record.practice === true &&
    (filter.team === undefined || record.team === filter.team) &&
    (filter.scenario === undefined || record.scenario.id === filter.scenario) &&
    (filter.service === undefined || record.services.includes(filter.service)) &&
    (filter.from === undefined || start >= filter.from) &&
    (filter.to === undefined || start <= filter.to)
  );
}
