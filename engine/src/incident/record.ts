import { gameOf } from '../compile/game.ts';
import type { SessionId } from '../protocol/ids.ts';
import type { DetectionSource, Outcome, Scenario } from '../scenario/schema.ts';
import type {
  ActionItem,
  Decision,
  MilestoneRecord,
  Monitoring,
  RollRecord,
  SessionState,
  Stamp,
} from '../session/state.ts';
import { alertsUpTo, falseAlarmKeys } from '../telemetry/alerts.ts';
import { objectiveRatings, type ObjectiveRating } from '../exercise/objective-trend.ts';

/** The first thing the team could see (an inject or a page, to any role): where their reaction time starts. */
export interface FirstSignal extends Stamp {
  kind: 'inject' | 'page';
}

export const RECORD_MILESTONES = [
  'started',
  'firstPage',
  'detected',
  'acknowledged',
  'mitigated',
  'resolved',
  'ended',
] as const;
export type RecordMilestone = (typeof RECORD_MILESTONES)[number];

/** A practice incident: what one finished session says about how the team handled the failure. */
export interface IncidentRecord {
  practice: true;
  sessionId: string;
  scenario: { id: string; title: string; hash: string };
  services: string[];
  team: string | null;
  seed: string;
  /** Roles played, never personal scores. */
  roles: string[];
  milestones: Partial<Record<RecordMilestone, MilestoneRecord>>;
  detectionSource: DetectionSource | null;
  outcome: Outcome | null;
  ending: string | null;
  decisions: Pick<Decision, 'scene' | 'choice' | 'label' | 'outcome' | 'at'>[];
  rolls: Pick<RollRecord, 'label' | 'dice' | 'natural' | 'total' | 'target' | 'success' | 'physical' | 'at'>[];
  falseAlarms: Stamp[];
  actionItems: Pick<ActionItem, 'text' | 'owner' | 'priority'>[];
  startedAt: number | null;
  endedAt: number | null;
  /** Absent in records stored before it existed; null when nothing was revealed. */
  firstSignal?: FirstSignal | null;
  /** An exercise's objectives with their consolidated ratings (issue 13); absent when the session is no exercise. */
  objectives?: ObjectiveRating[];
  /** What paged the team: null when the scenario has no telemetry; absent in records stored before it existed. */
  monitoring?: Monitoring | null;
}

/**
 * An incident record as it leaves the server over HTTP: without the seed, which decides every die and
 * leaves the server only in the facilitator's own export of the log.
 */
export type PublishedRecord = Omit<IncidentRecord, 'seed'>;

/** The record without its seed; a new object, the record untouched. Pure. */
export function publishedRecord(record: IncidentRecord): PublishedRecord {
  const { seed: _seed, ...published } = record;
  return published;
}

const DETECTION: readonly string[] = ['team', 'monitoring', 'customer', 'facilitator'];

/** Derives the practice-incident record of a session (finished or not). Pure. */
export function incidentRecord(scenario: Scenario, state: SessionState, sessionId: SessionId): IncidentRecord {
  const game = gameOf(scenario);
  const detected = state.milestones.detected;
  return {
    practice: true,
    sessionId,
    scenario: { id: scenario.id, title: scenario.title, hash: state.scenarioHash },
    services: scenario.services,
    team: state.team,
    seed: state.seed,
    roles: [
      ...new Set(
        Object.values(state.players)
          .filter((p) => p.role)
          .map((p) => game.roles.get(p.role as string)?.name ?? (p.role as string)),
      ),
    ].sort(),
    milestones: state.milestones,
    detectionSource: detected && DETECTION.includes(detected.source) ? (detected.source as DetectionSource) : null,
    outcome: state.game.context.outcome,
    ending: state.game.context.ending,
    decisions: state.decisions.map(({ scene, choice, label, outcome, at }) => ({ scene, choice, label, outcome, at })),
    rolls: state.rolls.map(({ label, dice, natural, total, target, success, physical, at }) => ({
      label,
      dice,
      natural,
      total,
      target,
      success,
      physical,
      at,
    })),
    falseAlarms: falseAlarms(scenario, state),
    actionItems: state.actionItems.map(({ text, owner, priority }) => ({
      text,
      owner,
      ...(priority ? { priority } : {}),
    })),
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    firstSignal: firstSignal(state),
    ...objectiveRatings(scenario, state),
    monitoring: scenario.telemetry ? state.monitoring : null,
  };
}

function firstSignal(state: SessionState): FirstSignal | null {
  const first = state.revealed[0];
  return first ? { game: first.at.game, wall: first.at.wall, kind: first.page ? 'page' : 'inject' } : null;
}

/** Declarations made before anything was wrong, and pages the telemetry sent while nothing was wrong with their metric. */
function falseAlarms(scenario: Scenario, state: SessionState): Stamp[] {
  const declared = state.declarations.filter((d) => d.status === 'false-alarm').map((d) => d.at);
  if (!scenario.telemetry || !state.revealed.some((r) => r.key.startsWith('alert:'))) return declared;
  const recovered = (metric: { recovers: 'mitigated' | 'resolved' }) => state.milestones[metric.recovers]?.game ?? null;
  const firings = alertsUpTo(
    scenario,
    state.seed,
    state.game.context.clock,
    recovered,
    state.monitoring === 'thresholds+baseline',
  );
  const noise = falseAlarmKeys(scenario, firings);
  const paged = state.revealed.filter((r) => noise.has(r.key)).map((r) => r.at);
  return [...declared, ...paged].sort((a, b) => a.game - b.game || a.wall - b.wall);
}
