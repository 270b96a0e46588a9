import { transition } from 'xstate';
import type { GameEvent } from '../compile/compile.ts';
import type { Game } from '../compile/game.ts';
import type { LogStamp } from '../protocol/actor.ts';
import type { Audience, GameSnapshot, MilestoneRecord, SessionState, Stamp, TimelineKind } from './state.ts';
import type { Inject } from '../scenario/schema.ts';
import { own } from './own.ts';
import { phaseOf, sceneOf } from './phase.ts';

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
  const by = actor.kind === 'facilitator' ? 'Facilitator' : actor.kind === 'system' ? 'System' : (own(state.players, actor.playerId)?.name ?? 'Someone');
  return { game, state: { ...state, seq: entry.seq, lastAt: entry.at }, entry, by, owned };
}

type ListKey = { [K in keyof SessionState]: SessionState[K] extends unknown[] ? K : never }[keyof SessionState];

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

export function markMilestone(draft: Draft, name: keyof SessionState['milestones'], source: MilestoneRecord['source'], at: Stamp = now(draft)): boolean {
  if (draft.state.milestones[name]) return false;
  draft.state.milestones = { ...draft.state.milestones, [name]: { ...at, source } };
  if (name !== 'firstPage' && name !== 'started') note(draft, 'milestone', `${name[0]?.toUpperCase()}${name.slice(1)} (${source})`);
  return true;
}

/** Feeds one event through the machine's pure `transition()`, then settles what follows from it. */
export function send(draft: Draft, event: GameEvent): void {
  const before = draft.state.game;
  draft.state.game = run(draft.game, before, event);
  settle(draft, before);
}

function run(game: Game, snapshot: GameSnapshot, event: GameEvent): GameSnapshot {
  const resolved = game.machine.resolveState({ value: snapshot.value, context: snapshot.context });
  const [next] = transition(game.machine, resolved, event);
  return { value: next.value as GameSnapshot['value'], context: next.context };
}

function settle(draft: Draft, before: GameSnapshot): void {
  const wasScene = typeof before.value === 'object' ? before.value['play'] : null;
  const scene = sceneOf(draft.state);
  if (draft.state.startedAt === null && scene) draft.state.startedAt = draft.entry.at;
  onset(draft);
  if (scene && scene !== wasScene) enterScene(draft, scene);
  if (before.value !== 'debrief' && draft.state.game.value === 'debrief') reachDebrief(draft);
  fireTimedInjects(draft);
}

function onset(draft: Draft): void {
  const fault = draft.game.scenario.fault;
  if (draft.state.milestones.started || !sceneOf(draft.state) || draft.state.game.context.clock < fault.starts_at) return;
  markMilestone(draft, 'started', 'scenario', { game: fault.starts_at, wall: draft.entry.at });
  const degraded = Object.fromEntries(
    fault.affects.filter((c) => (draft.state.game.context.health[c] ?? 'ok') === 'ok').map((c) => [c, 'degraded' as const]),
  );
  if (Object.keys(degraded).length > 0) draft.state.game = run(draft.game, draft.state.game, { type: 'HEALTH', health: degraded });
}

function enterScene(draft: Draft, sceneId: string): void {
  const scene = draft.game.scenes.get(sceneId);
  if (!scene) return;
  draft.state.votes = {};
  append(draft, 'path', sceneId);
  note(draft, 'scene', scene.title ?? scene.narration.slice(0, 80));
  if (scene.milestone) {
    const source = scene.milestone === 'detected' ? (scene.detected_by ?? 'monitoring') : 'scene';
    markMilestone(draft, scene.milestone, source);
  }
}

function reachDebrief(draft: Draft): void {
  const { ending: endingId, outcome } = draft.state.game.context;
  const ending = endingId ? draft.game.endings.get(endingId) : undefined;
  if (ending) append(draft, 'path', ending.id);
  if (ending?.milestone) markMilestone(draft, ending.milestone, 'outcome');
  markMilestone(draft, 'ended', endingId ? 'outcome' : 'facilitator');
  draft.state.endedAt = draft.entry.at;
  draft.state.pace = null;
  draft.state.paused = false;
  note(draft, 'phase', `Debrief: ${ending?.title ?? ending?.id ?? 'ended by the facilitator'} (${outcome ?? 'no outcome'})`);
}

function fireTimedInjects(draft: Draft): void {
  const phase = phaseOf(draft.state);
  if (phase !== 'running' && phase !== 'paused') return;
  const scene = sceneOf(draft.state);
  const clock = draft.state.game.context.clock;
  for (const [id, { inject, scene: home }] of draft.game.injects) {
    if (inject.at === undefined || inject.at > clock) continue;
    if (home !== null && home !== scene) continue;
    if (draft.state.revealed.some((r) => r.injectId === id)) continue;
    reveal(draft, id, inject);
  }
}

export function reveal(draft: Draft, injectId: string | null, inject: Pick<Inject, 'text' | 'page'> & { to?: string[] | undefined }): void {
  const key = injectId ?? `improvised-${draft.entry.seq}`;
  const to = inject.to ?? null;
  append(draft, 'revealed', { key, injectId, text: inject.text, to, page: inject.page, at: now(draft), acknowledgedBy: [] });
  note(draft, inject.page ? 'page' : 'inject', inject.text, to ? { roles: to } : 'all', injectId ? 'Scenario' : draft.by);
  if (inject.page) markMilestone(draft, 'firstPage', 'page');
}
