import type { StepError } from '../session/errors.ts';
import type { SessionState } from '../session/state.ts';
import { csvDocument } from './csv.ts';
import type { CorrectiveAction, Rating } from './exercise-state.ts';
import { utcDate } from './utc.ts';

/**
 * Corrective actions outlive their session: each is tracked per team across game days, changes
 * status (open, done, won't do with a reason), shows in the team's next lobby, and is marked as
 * retested by a later run that exercised the same objective. These functions are the lifecycle;
 * the server's store keeps the rows. All pure.
 */

export const ACTION_STATUSES = ['open', 'done', 'wont-do'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface TrackedAction extends Omit<CorrectiveAction, 'id' | 'at' | 'by'> {
  /** `<sessionId>.<action id>`: unique across sessions. */
  key: string;
  sessionId: string;
  /** The team it belongs to; '' for a session played without a team name. */
  team: string;
  scenarioId: string;
  objectiveTitle: string | null;
  createdAt: number;
  status: ActionStatus;
  /** Why it will not be done; set with that status only. */
  reason: string | null;
  statusAt: number | null;
  /** The later session that exercised its objective again, with that run's rating of it. */
  retest: { sessionId: string; at: number; rating: Rating | null } | null;
}

export type StatusChange = { status: 'open' | 'done' } | { status: 'wont-do'; reason: string };

/** The session's improvement plan as new tracked actions, all open. */
export function trackedActions(
  state: SessionState,
  sessionId: string,
  scenarioId: string,
  titles: ReadonlyMap<string, string>,
): TrackedAction[] {
  return (state.exercise?.corrective ?? []).map(({ id, at, by: _by, ...fields }) => ({
    ...fields,
    key: `${sessionId}.${id}`,
    sessionId,
    team: state.team ?? '',
    scenarioId,
    objectiveTitle: fields.objective === null ? null : (titles.get(fields.objective) ?? fields.objective),
    createdAt: at.wall,
    status: 'open',
    reason: null,
    statusAt: null,
    retest: null,
  }));
}

/**
 * The action with its status changed, or why not: a won't-do needs its reason, and an unknown key
 * or a change to the status it already has is refused. Never drops or adds an action.
 */
export function changeStatus(
  action: TrackedAction,
  change: StatusChange,
  at: number,
): { ok: true; action: TrackedAction } | { ok: false; error: StepError } {
  if (change.status === action.status && change.status !== 'wont-do')
    return { ok: false, error: { code: 'unavailable', message: `This action is already ${change.status}.` } };
  const reason = change.status === 'wont-do' ? change.reason.trim() : '';
  if (change.status === 'wont-do' && reason === '')
    return {
      ok: false,
      error: { code: 'invalid', message: "Say why it won't be done: the reason goes into the record." },
    };
  return { ok: true, action: { ...action, status: change.status, reason: reason || null, statusAt: at } };
}

/** Changes one action in a list by key; the list keeps every action, in order. */
export function changeStatusIn(
  actions: readonly TrackedAction[],
  key: string,
  change: StatusChange,
  at: number,
): { ok: true; actions: TrackedAction[] } | { ok: false; error: StepError } {
  const index = actions.findIndex((a) => a.key === key);
  const current = actions[index];
  if (!current) return { ok: false, error: { code: 'not-found', message: `There is no corrective action '${key}'.` } };
  const changed = changeStatus(current, change, at);
  if (!changed.ok) return changed;
  return { ok: true, actions: actions.map((a, i) => (i === index ? changed.action : a)) };
}

/**
 * The actions a run retests: the same team's, from earlier sessions, whose objective this run
 * rated and that no run has retested yet. Returns only the changed actions, marked with the run.
 */
export function retestedBy(
  actions: readonly TrackedAction[],
  run: { sessionId: string; team: string; createdAt: number; at: number; ratings: ReadonlyMap<string, Rating | null> },
): TrackedAction[] {
  return actions
    .filter(
      (a) =>
        a.team === run.team &&
        a.sessionId !== run.sessionId &&
        a.createdAt < run.createdAt &&
        a.retest === null &&
        a.objective !== null &&
        run.ratings.has(a.objective),
    )
    .map((a) => ({
      ...a,
      retest: { sessionId: run.sessionId, at: run.at, rating: run.ratings.get(a.objective ?? '') ?? null },
    }));
}

const JIRA_STATUS: Record<ActionStatus, string> = { open: 'To Do', done: 'Done', 'wont-do': "Won't Do" };
const JIRA_PRIORITY = { high: 'High', medium: 'Medium', low: 'Low' } as const;

/** The columns of the tracker CSV: Jira's CSV importer maps each by name (GitHub's CLI reads them too). */
export const TRACKER_COLUMNS = [
  'Summary',
  'Description',
  'Issue Type',
  'Priority',
  'Assignee',
  'Due Date',
  'Start Date',
  'Labels',
  'Status',
  'Component',
  'External ID',
] as const;

/** Corrective actions as a CSV a tracker imports (Jira's CSV import columns, TRACKER_COLUMNS). */
export function trackerCsv(actions: readonly TrackedAction[]): string {
  return csvDocument(
    TRACKER_COLUMNS,
    actions.map((a) => [
      a.action,
      [
        `Issue: ${a.issue}`,
        `Objective: ${a.objectiveTitle ?? 'general'}`,
        `Organisation: ${a.organisation}`,
        a.reason ? `Won't do because: ${a.reason}` : '',
        a.retest
          ? `Retested by session ${a.retest.sessionId} on ${utcDate(a.retest.at)}${a.retest.rating ? ` (rated ${a.retest.rating})` : ''}`
          : '',
      ]
        .filter(Boolean)
        .join('\n'),
      'Task',
      JIRA_PRIORITY[a.priority],
      a.owner,
      a.due,
      a.start,
      ['chaos-quest', `capability-${a.element}`, ...(a.objective ? [`objective-${a.objective}`] : [])].join(' '),
      JIRA_STATUS[a.status],
      a.element,
      a.key,
    ]),
  );
}
