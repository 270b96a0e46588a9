import type { IncidentRecord } from '../incident/record.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { SessionState } from '../session/state.ts';
import type { Rating } from './exercise-state.ts';
import { isExercise, objectivesOf } from './objectives.ts';
import { consolidatedRating } from './ratings.ts';

/** One objective of one run, as the practice-incident record keeps it. */
export interface ObjectiveRating {
  id: string;
  title: string;
  rating: Rating | null;
}

/** The record's `objectives` field: present only for an exercise, so other records keep their shape. Pure. */
export function objectiveRatings(scenario: Scenario, state: SessionState): { objectives?: ObjectiveRating[] } {
  if (!isExercise(scenario, state)) return {};
  const ratings = state.exercise?.ratings ?? [];
  return {
    objectives: objectivesOf(scenario, state).map((o) => ({
      id: o.id,
      title: o.title,
      rating: consolidatedRating(ratings, o.id),
    })),
  };
}

/** Per-objective ratings of one team across game days: is "notify within 72 hours" moving from M to S to P? */
export interface ObjectiveTrend {
  /** The runs, oldest first: each a session that rated at least one objective. */
  runs: { sessionId: string; scenarioId: string; startedAt: number | null }[];
  /** Each objective (by id) with its rating in each run, null where that run did not exercise or rate it. */
  objectives: { id: string; title: string; ratings: (Rating | null)[] }[];
}

/** The trend of `team`'s objective ratings over its practice records ('' for records without a team). Pure. */
export function objectiveTrend(records: readonly IncidentRecord[], team: string): ObjectiveTrend {
  const runs = records
    .filter((r) => (r.team ?? '') === team && r.objectives?.some((o) => o.rating !== null))
    .sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0));
  const titles = new Map<string, string>();
  for (const r of runs) for (const o of r.objectives ?? []) if (!titles.has(o.id)) titles.set(o.id, o.title);
  return {
    runs: runs.map((r) => ({ sessionId: r.sessionId, scenarioId: r.scenario.id, startedAt: r.startedAt })),
    objectives: [...titles].map(([id, title]) => ({
      id,
      title,
      ratings: runs.map((r) => r.objectives?.find((o) => o.id === id)?.rating ?? null),
    })),
  };
}
