import type { Game } from '../compile/game.ts';
import type { LogStamp } from '../protocol/actor.ts';
import type { Audience, MilestoneRecord, SessionState, Stamp, TimelineKind } from './state.ts';
import type { InjectId, RoleId } from '../protocol/ids.ts';
import type { Inject } from '../scenario/schema.ts';
import { own } from './own.ts';
import { evaluatorName } from '../exercise/exercise-draft.ts';
import { gameTimeLabel } from './game-clock.ts';
import { renderText, showsDays } from './template.ts';

/**
 * The state being built by one command. `state` is a shallow copy of the previous state: handlers
 * replace its fields with new values and never mutate what they were given, so the previous state
 * stays exactly as it was whether the command is accepted or not.
 */
export interface Draft {
  game: Game;
  state: SessionState;
  /** The command's place in the log: seq, wall-clock time and sender. */
  entry: LogStamp;
  /** Display name of the sender. */
  by: string;
  /**
   * The caller owns the state's append-only lists and will never look at the previous state again
   * (replay does), so appends may push in place instead of copying: O(1) instead of O(length).
   */
  owned: boolean;
}

/** A draft of the state after `entry`, with the seq and wall clock already advanced. Pure. */
export function openDraft(game: Game, state: SessionState, entry: LogStamp, owned = false): Draft {
  const actor = entry.actor;
  const by =
    actor.kind === 'facilitator'
      ? 'Facilitator'
      : actor.kind === 'system'
        ? 'System'
        : actor.kind === 'evaluator'
          ? (evaluatorName(state, actor.evaluatorId) ?? 'Evaluator')
          : (own(state.players, actor.playerId)?.name ?? 'Someone');
  return { game, state: { ...state, seq: entry.seq, lastAt: entry.at }, entry, by, owned };
}

type ListKey = { [K in keyof SessionState]-?: SessionState[K] extends unknown[] ? K : never }[keyof SessionState];

/** Adds an item to one of the state's append-only lists. */
export function append<K extends ListKey>(draft: Draft, key: K, item: SessionState[K][number]): void {
  if (draft.owned) (draft.state[key] as SessionState[K][number][]).push(item);
  else draft.state[key] = [...draft.state[key], item] as SessionState[K];
}

/** Copies the append-only lists once, so a draft in owned mode never touches the caller's arrays. */
export function ownLists(state: SessionState): SessionState {
  const copy: Record<string, unknown> = { ...state };
  for (const [key, value] of Object.entries(state)) if (Array.isArray(value)) copy[key] = [...value];
  return copy as unknown as SessionState;
}

export const now = (draft: Draft): Stamp => ({ game: draft.state.game.context.clock, wall: draft.entry.at });

export function note(draft: Draft, kind: TimelineKind, text: string, audience: Audience = 'all', by = draft.by): void {
  append(draft, 'timeline', { seq: draft.entry.seq, at: now(draft), kind, text, by, audience });
}

export function markMilestone(
  draft: Draft,
  name: keyof SessionState['milestones'],
  source: MilestoneRecord['source'],
  at: Stamp = now(draft),
): boolean {
  if (draft.state.milestones[name]) return false;
  draft.state.milestones = { ...draft.state.milestones, [name]: { ...at, source } };
  if (name !== 'firstPage' && name !== 'started')
    note(draft, 'milestone', `${name[0]?.toUpperCase()}${name.slice(1)} (${source})`);
  return true;
}

/** Reveals an inject (the scenario's, or improvised when `injectId` is null) to its roles, on the timeline. */
export function reveal(
  draft: Draft,
  injectId: InjectId | null,
  inject: Pick<Inject, 'text' | 'page'> & { to?: readonly string[] | undefined },
  due: number | null = null,
): void {
  const key = injectId ?? `improvised-${draft.entry.seq}`;
  // Role ids the scenario's lint or the command's handler checked against the scenario's roles.
  const to = (inject.to ?? null) as RoleId[] | null;
  const at = now(draft);
  // A scenario's text may read the state (1.1); what a facilitator improvises is shown as typed.
  const text = injectId ? renderText(draft.game, draft.state.game.context, inject.text) : inject.text;
  const late = due !== null && due < at.game;
  append(draft, 'revealed', {
    key,
    injectId,
    text,
    to,
    page: inject.page,
    at,
    acknowledgedBy: [],
    ...(late ? { due } : {}),
  });
  const dueNote = late
    ? ` (due at ${gameTimeLabel(draft.game.scenario.clock.start, due, showsDays(draft.game, draft.state.game.context))})`
    : '';
  note(
    draft,
    inject.page ? 'page' : 'inject',
    `${text}${dueNote}`,
    to ? { roles: to } : 'all',
    injectId ? 'Scenario' : draft.by,
  );
  if (inject.page) markMilestone(draft, 'firstPage', 'page');
}
