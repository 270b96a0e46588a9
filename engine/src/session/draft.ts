import { transition } from 'xstate';
import type { GameEvent } from '../compile/compile.ts';
import type { Game } from '../compile/game.ts';
import type { LoggedCommand } from '../protocol/commands.ts';
import type { Audience, GameSnapshot, MilestoneRecord, SessionState, Stamp, TimelineKind } from './state.ts';
import type { Inject } from '../scenario/schema.ts';
import { phaseOf, sceneOf } from './phase.ts';
import { own } from './own.ts';

/**
 * The state being built by one command. `s` is a shallow copy of the previous state: handlers
 * replace its fields with new values and never mutate what they were given, so the previous state
 * stays exactly as it was whether the command is accepted or not.
 */
export interface Draft {
  game: Game;
  s: SessionState;
  entry: LoggedCommand;
  /** Display name of the sender. */
  by: string;
  /**
   * The caller owns the state's append-only lists and will never look at the previous state again
   * (replay does), so appends may push in place instead of copying: O(1) instead of O(length).
   */
  owned: boolean;
}

export function openDraft(game: Game, state: SessionState, entry: LoggedCommand, owned = false): Draft {
  const actor = entry.actor;
  const by = actor.kind === 'facilitator' ? 'Facilitator' : actor.kind === 'system' ? 'System' : (own(state.players, actor.playerId)?.name ?? 'Someone');
  return { game, s: { ...state, seq: entry.seq, lastAt: entry.at }, entry, by, owned };
}

type ListKey = { [K in keyof SessionState]: SessionState[K] extends unknown[] ? K : never }[keyof SessionState];

/** Adds an item to one of the state's append-only lists. */
export function append<K extends ListKey>(d: Draft, key: K, item: SessionState[K][number]): void {
  if (d.owned) (d.s[key] as SessionState[K][number][]).push(item);
  else d.s[key] = [...d.s[key], item] as SessionState[K];
}

/** Copies the append-only lists once, so a draft in owned mode never touches the caller's arrays. */
export function ownLists(state: SessionState): SessionState {
  const copy: Record<string, unknown> = { ...state };
  for (const [key, value] of Object.entries(state)) if (Array.isArray(value)) copy[key] = [...value];
  return copy as unknown as SessionState;
}

export const now = (d: Draft): Stamp => ({ game: d.s.game.context.clock, wall: d.entry.at });

export function note(d: Draft, kind: TimelineKind, text: string, audience: Audience = 'all', by = d.by): void {
  append(d, 'timeline', { seq: d.entry.seq, at: now(d), kind, text, by, audience });
}

export function markMilestone(d: Draft, name: keyof SessionState['milestones'], source: MilestoneRecord['source'], at: Stamp = now(d)): boolean {
  if (d.s.milestones[name]) return false;
  d.s.milestones = { ...d.s.milestones, [name]: { ...at, source } };
  if (name !== 'firstPage' && name !== 'started') note(d, 'milestone', `${name[0]?.toUpperCase()}${name.slice(1)} (${source})`);
  return true;
}

/** Feeds one event through the machine's pure `transition()`, then settles what follows from it. */
export function send(d: Draft, event: GameEvent): void {
  const before = d.s.game;
  d.s.game = run(d.game, before, event);
  settle(d, before);
}

function run(game: Game, snapshot: GameSnapshot, event: GameEvent): GameSnapshot {
  const resolved = game.machine.resolveState({ value: snapshot.value, context: snapshot.context });
  const [next] = transition(game.machine, resolved, event);
  return { value: next.value as GameSnapshot['value'], context: next.context };
}

function settle(d: Draft, before: GameSnapshot): void {
  const wasScene = typeof before.value === 'object' ? before.value['play'] : null;
  const scene = sceneOf(d.s);
  if (d.s.startedAt === null && scene) d.s.startedAt = d.entry.at;
  onset(d);
  if (scene && scene !== wasScene) enterScene(d, scene);
  if (before.value !== 'debrief' && d.s.game.value === 'debrief') reachDebrief(d);
  fireTimedInjects(d);
}

function onset(d: Draft): void {
  const fault = d.game.scenario.fault;
  if (d.s.milestones.started || !sceneOf(d.s) || d.s.game.context.clock < fault.starts_at) return;
  markMilestone(d, 'started', 'scenario', { game: fault.starts_at, wall: d.entry.at });
  const degraded = Object.fromEntries(
    fault.affects.filter((c) => (d.s.game.context.health[c] ?? 'ok') === 'ok').map((c) => [c, 'degraded' as const]),
  );
  if (Object.keys(degraded).length > 0) d.s.game = run(d.game, d.s.game, { type: 'HEALTH', health: degraded });
}

function enterScene(d: Draft, sceneId: string): void {
  const scene = d.game.scenes.get(sceneId);
  if (!scene) return;
  d.s.votes = {};
  append(d, 'path', sceneId);
  note(d, 'scene', scene.title ?? scene.narration.slice(0, 80));
  if (scene.milestone) {
    const source = scene.milestone === 'detected' ? (scene.detected_by ?? 'monitoring') : 'scene';
    markMilestone(d, scene.milestone, source);
  }
}

function reachDebrief(d: Draft): void {
  const { ending: endingId, outcome } = d.s.game.context;
  const ending = endingId ? d.game.endings.get(endingId) : undefined;
  if (ending) append(d, 'path', ending.id);
  if (ending?.milestone) markMilestone(d, ending.milestone, 'outcome');
  markMilestone(d, 'ended', endingId ? 'outcome' : 'facilitator');
  d.s.endedAt = d.entry.at;
  d.s.pace = null;
  d.s.paused = false;
  note(d, 'phase', `Debrief: ${ending?.title ?? ending?.id ?? 'ended by the facilitator'} (${outcome ?? 'no outcome'})`);
}

function fireTimedInjects(d: Draft): void {
  const phase = phaseOf(d.s);
  if (phase !== 'running' && phase !== 'paused') return;
  const scene = sceneOf(d.s);
  const clock = d.s.game.context.clock;
  for (const [id, { inject, scene: home }] of d.game.injects) {
    if (inject.at === undefined || inject.at > clock) continue;
    if (home !== null && home !== scene) continue;
    if (d.s.revealed.some((r) => r.injectId === id)) continue;
    reveal(d, id, inject);
  }
}

export function reveal(d: Draft, injectId: string | null, inject: Pick<Inject, 'text' | 'page'> & { to?: string[] | undefined }): void {
  const key = injectId ?? `improvised-${d.entry.seq}`;
  const to = inject.to ?? null;
  append(d, 'revealed', { key, injectId, text: inject.text, to, page: inject.page, at: now(d), acknowledgedBy: [] });
  note(d, inject.page ? 'page' : 'inject', inject.text, to ? { roles: to } : 'all', injectId ? 'Scenario' : d.by);
  if (inject.page) markMilestone(d, 'firstPage', 'page');
}
