import type { RealIncident } from '../incident/real.ts';
import type { PublishedRecord as IncidentRecord } from '../incident/record.ts';
import { FIGURE_DEFINITIONS, type FigureId, type RealFigureId } from './definitions.ts';
import { summarize, type Summary } from './metrics.ts';

/**
 * One figure over a set of runs: `count` runs reached the milestone out of `of` runs considered (n of N),
 * and median, p90 and mean are over those `count` only, which the UI always says.
 */
export interface FigureSummary extends Summary {
  of: number;
  unit: 'game-minutes' | 'wall-ms';
}

/** Summarises one duration per run, null where the run never reached the milestone. `of` is every run. Pure. */
export function figureOf(values: readonly (number | null)[], unit: FigureSummary['unit']): FigureSummary {
  return { ...summarize(values.filter((v): v is number => v !== null)), of: values.length, unit };
}

/** The unit a practice figure is measured in: its definition's clock. */
export function practiceUnit(id: FigureId): FigureSummary['unit'] {
  return FIGURE_DEFINITIONS[id].clock === 'game' ? 'game-minutes' : 'wall-ms';
}

/** Each practice figure for one run (game minutes or wall ms, as its definition says); null when not reached. Pure. */
export function practiceDurations(r: IncidentRecord): Record<FigureId, number | null> {
  const m = r.milestones;
  const game = (to: typeof m.detected) => (m.started && to ? to.game - m.started.game : null);
  const signal = r.firstSignal && m.detected && r.firstSignal.game <= m.detected.game ? r.firstSignal.game : 0;
  return {
    mttd: game(m.detected),
    reaction: m.detected ? m.detected.game - signal : null,
    mtta: m.firstPage && m.acknowledged ? Math.max(0, m.acknowledged.wall - m.firstPage.wall) : null,
    mttm: game(m.mitigated),
    mttr: game(m.resolved),
    session: r.startedAt !== null && r.endedAt !== null ? Math.max(0, r.endedAt - r.startedAt) : null,
  };
}

/** Each figure for one real incident, in wall ms; null when the export lacks either end. Pure. */
export function realDurations(r: RealIncident): Record<RealFigureId, number | null> {
  const { started, detected, acknowledged, mitigated, resolved } = r.at;
  const from = started ?? detected;
  const between = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined ? Math.max(0, b - a) : null;
  return {
    mttd: between(started, detected),
    mtta: between(detected, acknowledged),
    mttm: between(from, mitigated),
    mttr: between(from, resolved),
  };
}
