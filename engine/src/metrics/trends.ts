import type { PublishedRecord as IncidentRecord } from '../incident/record.ts';
import { splitExcluded, type RunAnnotation } from './annotation.ts';
import type { FigureId } from './definitions.ts';
import { practiceDurations, practiceUnit, type FigureSummary } from './figures.ts';
import { matches, summarize, type MetricsFilter } from './metrics.ts';
import { NO_TEAM } from './compare.ts';

/** One run on a trend line: when it started and its figure, null when it never reached the milestone. */
export interface TrendPoint {
  sessionId: string;
  /** Wall-clock ms the run started: its game day. */
  at: number;
  value: number | null;
}

/** One team's runs of one scenario, oldest first. */
export interface TeamTrend {
  team: string;
  points: TrendPoint[];
}

/** How teams did on one scenario over game days, against that scenario's own baseline. */
export interface ScenarioTrend {
  scenario: { id: string; title: string };
  figure: FigureId;
  unit: FigureSummary['unit'];
  /**
   * The median of the figure over every counted run of this scenario that passes the filter, whatever
   * the team (the team filter picks the lines, not the baseline); null when no run reached it.
   */
  baseline: number | null;
  /** Runs of this scenario behind the baseline, and how many of them reached the milestone (n of N). */
  runs: number;
  reached: number;
  teams: TeamTrend[];
}

const startOf = (r: IncidentRecord): number => r.milestones.started?.wall ?? r.startedAt ?? 0;

/**
 * One figure per scenario over game days: each team's runs as a line, with the scenario's own
 * baseline, so a team compares itself with the same quest and never with another scenario's script.
 * Runs left out by `annotations` are not drawn and not in the baseline. Scenarios sorted by title,
 * teams by name. Pure.
 */
export function trendsOf(
  records: readonly IncidentRecord[],
  figure: FigureId,
  filter: MetricsFilter = {},
  annotations: readonly RunAnnotation[] = [],
): ScenarioTrend[] {
  const { team, ...rest } = filter;
  const { counted } = splitExcluded(
    records.filter((r) => matches(r, rest)),
    annotations,
  );
  const byScenario = new Map<string, IncidentRecord[]>();
  for (const r of counted) byScenario.set(r.scenario.id, [...(byScenario.get(r.scenario.id) ?? []), r]);
  return [...byScenario.values()]
    .map((runs) => scenarioTrend(runs, figure, team))
    .filter((t) => t.teams.length > 0)
    .sort((a, b) => a.scenario.title.localeCompare(b.scenario.title) || a.scenario.id.localeCompare(b.scenario.id));
}

function scenarioTrend(runs: readonly IncidentRecord[], figure: FigureId, team: string | undefined): ScenarioTrend {
  const points = runs
    .map((r) => ({
      team: r.team ?? NO_TEAM,
      point: { sessionId: r.sessionId, at: startOf(r), value: practiceDurations(r)[figure] },
    }))
    .sort((a, b) => a.point.at - b.point.at || a.point.sessionId.localeCompare(b.point.sessionId));
  const values = points.map((p) => p.point.value).filter((v): v is number => v !== null);
  const teams = new Map<string, TrendPoint[]>();
  for (const p of points) {
    if (team !== undefined && p.team !== team) continue;
    teams.set(p.team, [...(teams.get(p.team) ?? []), p.point]);
  }
  const first = runs[0] as IncidentRecord;
  return {
    scenario: { id: first.scenario.id, title: first.scenario.title },
    figure,
    unit: practiceUnit(figure),
    baseline: summarize(values).median,
    runs: runs.length,
    reached: values.length,
    teams: [...teams].sort(([a], [b]) => a.localeCompare(b)).map(([name, ps]) => ({ team: name, points: ps })),
  };
}
