import { gameOf } from '../compile/game.ts';
import type { Scenario } from '../scenario/schema.ts';
import { clockLabel } from '../session/phase.ts';
import type { SessionState, TimelineKind } from '../session/state.ts';
import { controlCoverage, type ControlCoverage } from './controls-coverage.ts';
import type { CorrectiveAction, Observation, Rating, RatingEntry } from './exercise-state.ts';
import { objectiveViews, type ObjectiveView } from './exercise-view.ts';
import { consolidatedRating } from './ratings.ts';
import { utcDateTime } from './utc.ts';
import { plural } from '../postmortem/summary.ts';

/**
 * The after-action report and improvement plan (HSEEP AAR/IP) of one session, as data: the Markdown
 * export and the browser's print page both render this, so they cannot disagree.
 */
export interface AfterActionReport {
  sessionId: string;
  scenario: { id: string; title: string; hash: string };
  team: string | null;
  plan: { name: string; version: string } | null;
  played: { from: string | null; to: string | null };
  outcome: string | null;
  summary: string[];
  objectives: ObjectiveReport[];
  improvementPlan: (CorrectiveAction & { objectiveTitle: string | null })[];
  participants: { name: string; kind: 'facilitator' | 'player' | 'evaluator'; role: string | null; joined: string }[];
  timeline: { wall: string; game: string; kind: TimelineKind; text: string }[];
  feedback: {
    anonymous: boolean;
    forms: number;
    average: number | null;
    /** How many forms gave each rating, 1 to 5. */
    histogram: [number, number, number, number, number];
    wentWell: { text: string; by: string | null }[];
    toImprove: { text: string; by: string | null; votes: number }[];
  };
  controls: ControlCoverage;
  signOff: { name: string; at: string } | null;
}

export interface ObjectiveReport extends ObjectiveView {
  rating: Rating | null;
  ratings: Pick<RatingEntry, 'by' | 'rating' | 'reason'>[];
  strengths: ObservationLine[];
  areas: ObservationLine[];
}

export interface ObservationLine {
  note: string;
  rootCause: string | null;
  by: string;
  wall: string;
  game: string;
  inject: string | null;
}

/** What a report's timeline keeps: what happened in the game, not the table's chatter. */
const TIMELINE_KINDS: ReadonlySet<TimelineKind> = new Set([
  'phase',
  'scene',
  'inject',
  'page',
  'choice',
  'roll',
  'milestone',
  'declaration',
  'false-alarm',
  'health',
  'action-item',
]);

/** The report of a session, finished or not (what has not happened reads as not reached). Pure. */
export function afterActionReport(scenario: Scenario, state: SessionState, sessionId: string): AfterActionReport {
  const game = (minutes: number) => clockLabel(scenario.clock.start, minutes);
  const exercise = state.exercise;
  const observations = exercise?.observations ?? [];
  const ratings = exercise?.ratings ?? [];
  const line = (o: Observation): ObservationLine => ({
    note: o.note,
    rootCause: o.rootCause,
    by: o.by,
    wall: utcDateTime(o.at.wall),
    game: game(o.at.game),
    inject: o.inject ? clip(o.inject.text, 100) : null,
  });
  const objectives = objectiveViews(scenario, state).map((o) => ({
    ...o,
    rating: consolidatedRating(ratings, o.id),
    ratings: ratings.filter((r) => r.objective === o.id).map(({ by, rating, reason }) => ({ by, rating, reason })),
    strengths: observations.filter((x) => x.objective === o.id && x.kind === 'strength').map(line),
    areas: observations.filter((x) => x.objective === o.id && x.kind === 'improvement').map(line),
  }));
  const titles = new Map(objectives.map((o) => [o.id, o.title]));
  const improvementPlan = (exercise?.corrective ?? []).map((a) => ({
    ...a,
    objectiveTitle: a.objective === null ? null : (titles.get(a.objective) ?? a.objective),
  }));
  const report: Omit<AfterActionReport, 'summary'> = {
    sessionId,
    scenario: { id: scenario.id, title: scenario.title, hash: state.scenarioHash },
    team: state.team,
    plan: exercise?.plan ?? null,
    played: {
      from: state.startedAt === null ? null : utcDateTime(state.startedAt),
      to: state.endedAt === null ? null : utcDateTime(state.endedAt),
    },
    outcome: state.game.context.outcome,
    objectives,
    improvementPlan,
    participants: participants(scenario, state),
    timeline: state.timeline
      .filter((t) => TIMELINE_KINDS.has(t.kind))
      .map((t) => ({ wall: utcDateTime(t.at.wall), game: game(t.at.game), kind: t.kind, text: t.text })),
    feedback: feedbackSummary(state),
    controls: controlCoverage(scenario, state),
    signOff: exercise?.signedOff
      ? { name: exercise.signedOff.name, at: utcDateTime(exercise.signedOff.at.wall) }
      : null,
  };
  const detected = state.milestones.detected;
  return { ...report, summary: executiveSummary(report, detected ? game(detected.game) : null) };
}

function participants(scenario: Scenario, state: SessionState): AfterActionReport['participants'] {
  const roles = gameOf(scenario).roles;
  const facilitator = {
    name: 'Facilitator',
    kind: 'facilitator' as const,
    role: null,
    joined: utcDateTime(state.createdAt),
  };
  const players = Object.values(state.players).map((p) => ({
    name: p.name,
    kind: 'player' as const,
    role: p.role ? (roles.get(p.role)?.name ?? p.role) : null,
    joined: utcDateTime(p.joinedAt),
  }));
  const evaluators = Object.values(state.exercise?.evaluators ?? {}).map((e) => ({
    name: e.name,
    kind: 'evaluator' as const,
    role: 'Evaluator',
    joined: utcDateTime(e.joinedAt),
  }));
  return [facilitator, ...players, ...evaluators];
}

function feedbackSummary(state: SessionState): AfterActionReport['feedback'] {
  const hotwash = state.exercise?.hotwash;
  const forms = hotwash?.feedback ?? [];
  const histogram: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const f of forms) histogram[f.rating - 1] = (histogram[f.rating - 1] ?? 0) + 1;
  const votes = new Map<string, number>();
  for (const list of Object.values(hotwash?.votes ?? {})) for (const v of list) votes.set(v, (votes.get(v) ?? 0) + 1);
  const total = forms.reduce((sum, f) => sum + f.rating, 0);
  return {
    anonymous: hotwash?.anonymous ?? false,
    forms: forms.length,
    average: forms.length === 0 ? null : Math.round((total / forms.length) * 10) / 10,
    histogram,
    wentWell: forms.map((f) => ({ text: f.wentWell, by: f.by })),
    toImprove: forms
      .map((f) => ({ text: f.toImprove, by: f.by, votes: votes.get(f.id) ?? 0 }))
      .sort((a, b) => b.votes - a.votes),
  };
}

function executiveSummary(report: Omit<AfterActionReport, 'summary'>, detected: string | null): string[] {
  const rated = report.objectives.filter((o) => o.rating !== null);
  const counts = (['P', 'S', 'M', 'U'] as const)
    .map((r) => [r, rated.filter((o) => o.rating === r).length] as const)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${n} ${r}`);
  const strengths = report.objectives.reduce((n, o) => n + o.strengths.length, 0);
  const areas = report.objectives.reduce((n, o) => n + o.areas.length, 0);
  const high = report.improvementPlan.filter((a) => a.priority === 'high').length;
  const plan = report.plan ? `${report.plan.name} (version ${report.plan.version})` : 'the incident response plan';
  const players = report.participants.filter((p) => p.kind === 'player').length;
  const evaluators = report.participants.filter((p) => p.kind === 'evaluator').length;
  const exercised = report.objectives.length;
  const actions = report.improvementPlan.length;
  return [
    `This exercise tested ${plan} against the scenario "${report.scenario.title}"${report.played.from ? ` on ${report.played.from}` : ''}, with ${plural(players, 'player')} and ${plural(evaluators, 'evaluator')}.`,
    `${plural(exercised, 'objective')} ${exercised === 1 ? 'was' : 'were'} exercised; ${rated.length} ${rated.length === 1 ? 'was' : 'were'} rated${counts.length ? ` (${counts.join(', ')})` : ''}.`,
    `Evaluators recorded ${plural(strengths, 'strength')} and ${areas} ${areas === 1 ? 'area' : 'areas'} for improvement; the improvement plan holds ${plural(actions, 'corrective action')}, ${high} of them high priority.`,
    `Outcome: ${report.outcome ?? 'not reached'}; the team ${detected ? `detected the incident at ${detected} on the game clock` : 'never detected the incident'}.`,
  ];
}

/** The start of a long text, to say which inject a note followed without repeating it whole. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
