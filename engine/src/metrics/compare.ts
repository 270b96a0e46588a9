import type { RealIncident } from '../incident/real.ts';
import type { PublishedRecord as IncidentRecord } from '../incident/record.ts';
import type { DetectionSource, Outcome } from '../scenario/schema.ts';
import type { Monitoring } from '../session/state.ts';
import { splitExcluded, type Exclusion, type RunAnnotation } from './annotation.ts';
import { FIGURE_IDS, REAL_FIGURE_IDS, type FigureId, type RealFigureId } from './definitions.ts';
import { figureOf, practiceDurations, practiceUnit, realDurations, type FigureSummary } from './figures.ts';
import { matches, type MetricsFilter } from './metrics.ts';

/** How many incidents each source detected first; `undetected` never reached detection or the export does not say. */
export type Awareness = Record<DetectionSource | 'undetected', number> & { total: number };

export interface PracticeSide {
  /** Runs the figures count: every run that passes the filter, less those left out. */
  runs: number;
  /** Runs that pass the filter but a facilitator left out of the figures, each with its reason. */
  excluded: Exclusion[];
  figures: Record<FigureId, FigureSummary>;
  byService: Record<string, Record<FigureId, FigureSummary>>;
  byTeam: Record<string, Record<FigureId, FigureSummary>>;
  awareness: Awareness;
  /**
   * Who noticed first in runs of scenarios with telemetry, by what paged the team: the fixed alert
   * rules only, or those and the dynamic baseline. Runs without telemetry count in neither.
   */
  awarenessByMonitoring: Record<Monitoring, Awareness>;
  falseAlarms: number;
  outcomes: Partial<Record<Outcome | 'unfinished', number>>;
}

export interface RealSide {
  incidents: number;
  figures: Record<RealFigureId, FigureSummary>;
  byService: Record<string, Record<RealFigureId, FigureSummary>>;
  byTeam: Record<string, Record<RealFigureId, FigureSummary>>;
  awareness: Awareness;
}

export interface Mtbf {
  /** Wall-clock ms; null when there are no real incidents to bound it. */
  window: { from: number; to: number } | null;
  services: Record<string, { incidents: number; ms: number | null }>;
}

/** Practice and real incidents side by side, never mixed. */
export interface Comparison {
  practice: PracticeSide;
  real: RealSide;
  mtbf: Mtbf;
}

/** The label a record without a team is grouped under. */
export const NO_TEAM = '(no team)';

/** Whether a real incident passes the filter: team, service and window on its start. Scenario does not apply. Pure. */
export function matchesReal(incident: RealIncident, filter: MetricsFilter): boolean {
  const start = startOf(incident);
  return (
    (filter.team === undefined || incident.team === filter.team) &&
    (filter.service === undefined || incident.service === filter.service) &&
    (filter.from === undefined || (start !== null && start >= filter.from)) &&
    (filter.to === undefined || (start !== null && start <= filter.to))
  );
}

// A local list rather than the schema's, so the client's metrics page does not bundle zod for it.
const SOURCES: readonly DetectionSource[] = ['team', 'monitoring', 'customer', 'facilitator'];

const startOf = (r: RealIncident): number | null => r.at.started ?? r.at.detected ?? null;

function awarenessOf(sources: readonly (DetectionSource | null)[]): Awareness {
  const counts: Awareness = {
    team: 0,
    monitoring: 0,
    customer: 0,
    facilitator: 0,
    undetected: 0,
    total: sources.length,
  };
  for (const s of sources) counts[s !== null && SOURCES.includes(s) ? s : 'undetected'] += 1;
  return counts;
}

function grouped<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) for (const key of new Set(keys(item))) groups.set(key, [...(groups.get(key) ?? []), item]);
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

function practiceFigures(records: readonly IncidentRecord[]): Record<FigureId, FigureSummary> {
  const durations = records.map(practiceDurations);
  return Object.fromEntries(
    FIGURE_IDS.map((id) => [
      id,
      figureOf(
        durations.map((d) => d[id]),
        practiceUnit(id),
      ),
    ]),
  ) as Record<FigureId, FigureSummary>;
}

function realFigures(incidents: readonly RealIncident[]): Record<RealFigureId, FigureSummary> {
  const durations = incidents.map(realDurations);
  return Object.fromEntries(
    REAL_FIGURE_IDS.map((id) => [
      id,
      figureOf(
        durations.map((d) => d[id]),
        'wall-ms',
      ),
    ]),
  ) as Record<RealFigureId, FigureSummary>;
}

function practiceSide(all: readonly IncidentRecord[], annotations: readonly RunAnnotation[]): PracticeSide {
  const { counted: records, excluded } = splitExcluded(all, annotations);
  const outcomes: PracticeSide['outcomes'] = {};
  for (const r of records) outcomes[r.outcome ?? 'unfinished'] = (outcomes[r.outcome ?? 'unfinished'] ?? 0) + 1;
  const by = (keys: (r: IncidentRecord) => readonly string[]) =>
    Object.fromEntries([...grouped(records, keys)].map(([k, rs]) => [k, practiceFigures(rs)]));
  const detectedBy = (rs: readonly IncidentRecord[]) =>
    awarenessOf(rs.map((r) => (r.milestones.detected ? r.detectionSource : null)));
  return {
    runs: records.length,
    excluded,
    figures: practiceFigures(records),
    byService: by((r) => r.services),
    byTeam: by((r) => [r.team ?? NO_TEAM]),
    awareness: detectedBy(records),
    awarenessByMonitoring: {
      thresholds: detectedBy(records.filter((r) => r.monitoring === 'thresholds')),
      'thresholds+baseline': detectedBy(records.filter((r) => r.monitoring === 'thresholds+baseline')),
    },
    falseAlarms: records.reduce((n, r) => n + r.falseAlarms.length, 0),
    outcomes,
  };
}

function realSide(incidents: readonly RealIncident[]): RealSide {
  const by = (keys: (r: RealIncident) => readonly string[]) =>
    Object.fromEntries([...grouped(incidents, keys)].map(([k, rs]) => [k, realFigures(rs)]));
  return {
    incidents: incidents.length,
    figures: realFigures(incidents),
    byService: by((r) => [r.service]),
    byTeam: by((r) => [r.team ?? NO_TEAM]),
    awareness: awarenessOf(incidents.map((r) => r.detectionSource)),
  };
}

/**
 * MTBF per service from real incidents only: the window (the filter's bounds, else the first real
 * incident's start to `now`, else to the last start) divided by the incidents on that service in it.
 * Null per service when the window has no length. Pure.
 */
export function mtbfOf(incidents: readonly RealIncident[], filter: MetricsFilter = {}, now?: number): Mtbf {
  const starts = incidents.map(startOf).filter((s): s is number => s !== null);
  if (starts.length === 0 && (filter.from === undefined || filter.to === undefined))
    return { window: null, services: {} };
  const from = filter.from ?? Math.min(...starts);
  const to = filter.to ?? Math.max(now ?? -Infinity, ...starts);
  const services: Mtbf['services'] = {};
  for (const [service, list] of grouped(incidents, (r) => [r.service])) {
    services[service] = { incidents: list.length, ms: to > from ? (to - from) / list.length : null };
  }
  return { window: { from, to }, services };
}

/**
 * Practice runs and real incidents that pass `filter`, side by side: every figure with n of N, median,
 * p90 and mean, overall, per service and per team; who detected first; and MTBF from real incidents
 * only. `now` (wall ms) ends the MTBF window when the filter has no end. Practice runs that
 * `annotations` leave out are not counted and are listed in `practice.excluded` with their reasons. Pure.
 */
export function compareMetrics(
  practice: readonly IncidentRecord[],
  real: readonly RealIncident[],
  filter: MetricsFilter = {},
  now?: number,
  annotations: readonly RunAnnotation[] = [],
): Comparison {
  const chosenReal = real.filter((r) => matchesReal(r, filter));
  return {
    practice: practiceSide(
      practice.filter((r) => matches(r, filter)),
      annotations,
    ),
    real: realSide(chosenReal),
    mtbf: mtbfOf(chosenReal, filter, now),
  };
}
