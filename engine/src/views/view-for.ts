import { gameOf, type Game } from '../compile/game.ts';
import type { PlayerId, RoleId } from '../protocol/ids.ts';
import type { Scenario } from '../scenario/schema.ts';
import { activeModifiers, availableChoices } from '../session/choices.ts';
import { debriefPrompts } from '../session/debrief-prompts.ts';
import { is1_1 } from '../compile/story-1-1.ts';
import { gameTimeLabel } from '../session/game-clock.ts';
import { dueMinute } from '../session/inject-timing.ts';
import { phaseOf, sceneOf } from '../session/phase.ts';
import { renderText, showsDays } from '../session/template.ts';
import { storyView } from './story-view.ts';
import { milestonesSeen, playerList, scenarioPart, staticsOf } from './shared-parts.ts';
import type { Audience, GameSnapshot, RollRecord, SessionState, TimelineEntry } from '../session/state.ts';
import { own } from '../session/own.ts';
import { scenarioMap } from './map.ts';
import { healthWithTelemetry } from '../telemetry/health.ts';
import { VIEW_WINDOWS } from './view.ts';
import { exerciseView, hotwashMe, hotwashView } from '../exercise/exercise-view.ts';
import type {
  ChoiceView,
  FacilitatorView,
  InjectPlan,
  ObserverView,
  PlayerMe,
  PlayerView,
  Projection,
  PublicView,
  SharedPlayerView,
  View,
  ViewAudience,
  Viewer,
} from './view.ts';

// Nothing here may depend on the individual player, only on their role: the projection is shared.
type Seen = { facilitator: true } | { facilitator: false; role: RoleId | null };

function canSee(audience: Audience, seen: Seen): boolean {
  if (seen.facilitator || audience === 'all') return true;
  if (audience === 'facilitator') return false;
  return seen.role !== null && audience.roles.includes(seen.role);
}

function publicPart(game: Game, state: SessionState, seen: Seen): Omit<PublicView, 'viewer'> {
  const { scenario } = game;
  const context = state.game.context;
  const sceneId = sceneOf(state);
  const scene = sceneId ? game.scenes.get(sceneId) : undefined;
  const choices = perSnapshot(madeChoices, state, [state.votes], () => choiceViews(game, state));
  const ending = context.outcome
    ? (() => {
        const e = context.ending ? game.endings.get(context.ending) : undefined;
        const debrief = debriefPrompts(scenario, context.ending, context.outcome);
        return {
          id: e?.id ?? null,
          title: e?.title ?? (e ? e.id : 'Ended by the facilitator'),
          outcome: context.outcome,
          narration: e?.narration ?? null,
          debrief,
        };
      })()
    : null;
  const phase = phaseOf(state);
  const debriefing = phase === 'debrief' || phase === 'ended';
  return {
    // The fault's true cause is the answer to the puzzle: the table learns it in the debrief.
    scenario: scenarioPart(game, seen.facilitator || debriefing),
    team: state.team,
    phase,
    autoPaused: state.autoPaused !== null,
    clock: perSnapshot(madeClocks, state, [state.pace], () => ({
      minutes: context.clock,
      label: gameTimeLabel(scenario.clock.start, context.clock, showsDays(game, context)),
      timebox: scenario.clock.timebox,
      pace: state.pace,
      start: scenario.clock.start,
      days: showsDays(game, context),
    })),
    scene: perSnapshot(madeScenes, state, [state.path.length], () =>
      scene
        ? {
            id: scene.id,
            title: scene.title ?? scene.id,
            narration: renderText(game, context, scene.narration),
            ...(is1_1(scenario) ? { visit: state.path.length } : {}),
          }
        : null,
    ),
    choices,
    health: healthWithTelemetry(scenario, state, context.health),
    injects: windowOf(state.revealed, VIEW_WINDOWS.injects, `injects ${seenKey(seen)}`, (r) =>
      canSee(r.to === null ? 'all' : { roles: r.to }, seen),
    ),
    ...timelineOf(state, seen),
    players: playerList(state.players),
    proposals: windowOf(state.proposals, VIEW_WINDOWS.proposals, 'proposals'),
    declarations: windowOf(state.declarations, VIEW_WINDOWS.declarations, 'declarations'),
    milestones: milestonesSeen(state.milestones, debriefing || seen.facilitator),
    decisions: windowOf(state.decisions, VIEW_WINDOWS.decisions, 'decisions'),
    rolls: seen.facilitator
      ? windowOf(state.rolls, VIEW_WINDOWS.rolls, 'rolls')
      : windowOf(state.rolls, VIEW_WINDOWS.rolls, 'rolls shown', shown),
    ending,
    actionItems: windowOf(state.actionItems, VIEW_WINDOWS.actionItems, 'actionItems'),
    debriefNotes: windowOf(state.debriefNotes, VIEW_WINDOWS.debriefNotes, 'debriefNotes'),
    map: scenarioMap(game, state, seen.facilitator),
    ...withDefined('hotwash', hotwashView(state)),
  };
}

interface Made<T> {
  also: readonly unknown[];
  value: T;
}

/**
 * A part of the view made from the game's snapshot and the few other fields `also` names, made
 * once per snapshot: a snapshot is never changed in place (see availableChoices), so while a
 * session's commands leave it alone (a line, a vote, a raised hand) every projection, of every
 * audience, gets the very same part, and the next patch skips it without comparing. `also` must
 * hold everything else of the state that `make` reads (a list by its length too: a replay grows
 * lists in place).
 */
function perSnapshot<T>(
  made: WeakMap<GameSnapshot, Made<T>>,
  state: SessionState,
  also: readonly unknown[],
  make: () => T,
): T {
  const known = made.get(state.game);
  if (known && known.also.length === also.length && known.also.every((value, i) => value === also[i]))
    return known.value;
  const value = make();
  made.set(state.game, { also, value });
  return value;
}

const madeChoices = new WeakMap<GameSnapshot, Made<ChoiceView[]>>();
const madeClocks = new WeakMap<GameSnapshot, Made<PublicView['clock']>>();
const madeScenes = new WeakMap<GameSnapshot, Made<PublicView['scene']>>();
const madePlans = new WeakMap<GameSnapshot, Made<InjectPlan[]>>();
const madeMonitoring = new WeakMap<GameSnapshot, Made<FacilitatorView['monitoring']>>();

/** The choices open now, with their checks' modifiers and the votes each has. */
function choiceViews(game: Game, state: SessionState): ChoiceView[] {
  const votes = Object.values(state.votes);
  const everywhere = new Set(game.scenario.actions ?? []);
  return availableChoices(game, state).map((c) => ({
    id: c.id,
    label: c.label,
    ...(everywhere.has(c) ? { everywhere: true as const } : {}),
    ...(c.decided_by || c.check?.rolled_by ? { decidedBy: (c.decided_by ?? c.check?.rolled_by) as string } : {}),
    takes: c.takes,
    check: c.check
      ? { dice: c.check.dice, target: c.check.target, modifiers: activeModifiers(game, state, c.check) }
      : null,
    votes: votes.filter((v) => v === c.id).length,
  }));
}

/** Whether the table may see a roll: every roll but one the facilitator keeps hidden. */
const shown = (roll: RollRecord): boolean => !roll.hidden;

/**
 * The last `limit` entries of `list` that pass `keep`, in order: the very objects the state holds
 * (ENTRY_LIST_FIELDS), found from the end, so a long list costs a view no more than its window.
 */
function newest<T>(list: readonly T[], limit: number, keep?: (item: T) => boolean): T[] {
  if (!keep) return list.length <= limit ? (list as T[]) : list.slice(list.length - limit);
  const found: T[] = [];
  for (let i = list.length - 1; i >= 0 && found.length < limit; i--) {
    const item = list[i] as T;
    if (keep(item)) found.push(item);
  }
  return found.reverse();
}

/** Names what an audience may see of the lists (see windowOf): the observers and players without a role see alike. */
const seenKey = (seen: Seen): string => (seen.facilitator ? 'f' : `r:${seen.role ?? ''}`);

/** Per list and window (see windowOf): the window last made of it, and the list's length then. */
const windows = new WeakMap<readonly unknown[], Map<string, { length: number; window: unknown[] }>>();

/**
 * `newest(list, limit, keep)`, and the very same array as last time while the list is the same:
 * a part of the view that no command touched keeps its identity, so the next patch skips it
 * without comparing its entries. `key` names the window (the field, and what `keep` lets
 * through). A list changes by being replaced, except while a log replays, when it grows in place
 * (draft.ts): its length tells that apart.
 */
function windowOf<T>(list: readonly T[], limit: number, key: string, keep?: (item: T) => boolean): T[] {
  let byKey = windows.get(list);
  const known = byKey?.get(key);
  if (known && known.length === list.length) return known.window as T[];
  const window = newest(list, limit, keep);
  if (!byKey) windows.set(list, (byKey = new Map()));
  byKey.set(key, { length: list.length, window });
  return window;
}

interface KnownTimeline {
  length: number;
  last: TimelineEntry;
  /** The newest entries the audience sees (its view's window), and how many it sees in all. */
  window: TimelineEntry[];
  count: number;
}

/** Per timeline (known by its first entry, which every later state's timeline shares) and audience: what was last made of it. */
const knownTimelines = new WeakMap<TimelineEntry, Map<string, KnownTimeline>>();

/**
 * The timeline window an audience sees, and how many entries it sees in all. The timeline only
 * grows, and each state's copy holds the very entries of the one before, so both carry on from the
 * last ones made for the same timeline and audience: one view costs the new entries, not a walk
 * over the window or a pass over up to SESSION_LIMITS.timeline entries, and a command that added
 * none gives the very same window again (which its patch then skips).
 */
function timelineOf(state: SessionState, seen: Seen): Pick<PublicView, 'timeline' | 'timelineCount'> {
  const list = state.timeline;
  const first = list[0];
  if (first === undefined) return { timeline: [], timelineCount: 0 };
  let byKey = knownTimelines.get(first);
  if (!byKey) knownTimelines.set(first, (byKey = new Map()));
  const key = seenKey(seen);
  const known = byKey.get(key);
  // The same entry at the known length's end: the list goes on from it (another branch would differ there).
  const goesOn = known !== undefined && known.length <= list.length && list[known.length - 1] === known.last;
  if (goesOn && known.length === list.length) return { timeline: known.window, timelineCount: known.count };
  const visible = (t: TimelineEntry) => canSee(t.audience, seen);
  const limit = VIEW_WINDOWS.timeline;
  let window: TimelineEntry[];
  let count: number;
  if (goesOn) {
    const added: TimelineEntry[] = [];
    for (let i = known.length; i < list.length; i++) {
      const entry = list[i] as TimelineEntry;
      if (visible(entry)) added.push(entry);
    }
    window = added.length === 0 ? known.window : [...known.window, ...added];
    if (window.length > limit) window = window.slice(window.length - limit);
    count = known.count + added.length;
  } else {
    window = newest(list, limit, visible);
    count = 0;
    for (const entry of list) if (visible(entry)) count += 1;
  }
  byKey.set(key, { length: list.length, last: list[list.length - 1] as TimelineEntry, window, count });
  return { timeline: window, timelineCount: count };
}

/**
 * Entries `[max(0, end - limit), end)` of the timeline as `audience` sees it: what comes before the
 * window a view carries, for a viewer who scrolls back. Pure; an `end` past the list is clamped.
 */
export function timelinePage(state: SessionState, audience: ViewAudience, end: number, limit: number): TimelineEntry[] {
  const seen: Seen =
    audience.kind === 'facilitator'
      ? { facilitator: true }
      : { facilitator: false, role: audience.kind === 'role' ? audience.role : null };
  const visible = state.timeline.filter((t) => canSee(t.audience, seen));
  const stop = Math.max(0, Math.min(end, visible.length));
  return visible.slice(Math.max(0, stop - limit), stop);
}

function injectPlan(game: Game, state: SessionState): InjectPlan[] {
  const current = sceneOf(state);
  const context = state.game.context;
  return [...game.injects.values()].map((held) => {
    const { inject, scene, module } = held;
    const revealed = state.revealed.find((r) => r.injectId === inject.id);
    const timed = dueMinute(game, context, held);
    const due = timed ?? inject.at ?? null;
    const status = revealed
      ? 'revealed'
      : context.missed?.includes(inject.id)
        ? 'missed'
        : due !== null && due <= context.clock
          ? 'waiting'
          : 'upcoming';
    return {
      id: inject.id,
      scene,
      ...(module !== null ? { module } : {}),
      at: inject.at ?? null,
      to: inject.to ?? null,
      page: inject.page,
      text: renderText(game, context, inject.text),
      notes: inject.facilitator_notes ?? null,
      revealed: revealed !== undefined,
      available: (scene === null && (module === null || module === state.module?.id)) || scene === current,
      status,
      // 1.0 names a due minute only once it has passed; 1.1 knows it ahead for relative injects too.
      due: revealed ? (revealed.due ?? null) : status === 'waiting' || timed !== null ? due : null,
    };
  });
}

/** Roles no seated player holds: what reaches them reaches the facilitator alone. */
function emptyRoles(game: Game, state: SessionState): string[] {
  const held = new Set(state.game.context.rolesPresent);
  return game.scenario.roles.filter((r) => !held.has(r.id)).map((r) => r.id);
}

function facilitatorView(game: Game, state: SessionState): FacilitatorView {
  const { scenario } = game;
  const statics = staticsOf(game);
  const sceneId = sceneOf(state);
  const base = publicPart(game, state, { facilitator: true });
  const empty = emptyRoles(game, state);
  return {
    viewer: 'facilitator',
    ...base,
    notes: sceneId ? (game.scenes.get(sceneId)?.facilitator_notes ?? null) : null,
    scenes: statics.scenes,
    injectPlan: perSnapshot(madePlans, state, [state.revealed, state.revealed.length, state.module?.id], () =>
      injectPlan(game, state),
    ),
    roles: statics.roles,
    votesByPlayer: state.votes,
    monitoring: perSnapshot(madeMonitoring, state, [state.monitoring], () => ({
      mode: state.monitoring,
      telemetry: scenario.telemetry !== undefined,
    })),
    roleRequests: Object.values(state.players).flatMap((p) =>
      p.requestedRole && !p.removed ? [{ playerId: p.id, role: p.requestedRole }] : [],
    ),
    coaching: windowOf(state.coaching, VIEW_WINDOWS.coaching, 'coaching'),
    fault: statics.fault,
    flags: state.game.context.flags,
    ...withDefined('exercise', exerciseView(scenario, state)),
    table: state.table,
    seatClaims: Object.values(state.players).flatMap((p) =>
      p.claims && !p.removed ? [{ playerId: p.id, claims: p.claims }] : [],
    ),
    emptyRoles: empty,
    unheld: base.injects.filter((r) => r.to !== null && r.to.every((role) => empty.includes(role))).map((r) => r.key),
    story: storyView(game, state),
  };
}

function observerView(game: Game, state: SessionState): ObserverView {
  return { viewer: 'observer', ...publicPart(game, state, { facilitator: false, role: null }) };
}

function sharedPlayerView(game: Game, state: SessionState, role: RoleId | null): SharedPlayerView {
  return { viewer: 'player', ...publicPart(game, state, { facilitator: false, role }) };
}

/** A player's role as their view knows it: a role the scenario does not define counts as none, as on their role card. */
function roleOf(game: Game, state: SessionState, playerId: PlayerId): RoleId | null {
  const roleId = own(state.players, playerId)?.role;
  return roleId && game.roles.has(roleId) ? roleId : null;
}

/** Which shared projection `viewer` gets: a player's is their role's (an unknown player id gets the no-role one). Pure. */
export function audienceOf(scenario: Scenario, state: SessionState, viewer: Viewer): ViewAudience {
  if (viewer.kind === 'player') return { kind: 'role', role: roleOf(gameOf(scenario), state, viewer.playerId) };
  // Evaluators see what the facilitator sees: one projection, one room, encoded once.
  return viewer.kind === 'evaluator' ? { kind: 'facilitator' } : viewer;
}

/**
 * The part of the session one audience may see, shared by everyone in it: the facilitator's whole
 * view, the observers' public one, or the view every player of one role gets, without their `me`.
 * Never includes anything the audience may not see (see `viewFor`). Pure; never throws.
 */
export function projectionFor(scenario: Scenario, state: SessionState, audience: ViewAudience): Projection {
  const game = gameOf(scenario);
  if (audience.kind === 'facilitator') return facilitatorView(game, state);
  if (audience.kind === 'observer') return observerView(game, state);
  return sharedPlayerView(game, state, audience.role);
}

/**
 * What only `playerId` sees: their seat, their own role card (with its secrets), their vote, hand
 * and the facilitator's coaching to them. An unknown player id gets an empty seat. Pure; never throws.
 */
export function meFor(scenario: Scenario, state: SessionState, playerId: PlayerId): PlayerMe {
  const player = own(state.players, playerId);
  const role = player?.role ? gameOf(scenario).roles.get(player.role) : undefined;
  // In the lobby players choose freely, so a role's secrets wait until the facilitator briefs the table.
  const secrets = role && phaseOf(state) !== 'lobby' ? (role.secrets ?? []) : [];
  return {
    playerId,
    name: player?.name ?? '',
    role: role
      ? { id: role.id, name: role.name, brief: role.brief, secrets, canApplyChoices: role.can_apply_choices }
      : null,
    requestedRole: player?.requestedRole ?? null,
    vote: own(state.votes, playerId) ?? null,
    hand: player?.hand ?? false,
    coaching: state.coaching.filter((c) => c.playerId === playerId),
    ...withDefined('hotwash', hotwashMe(state, playerId)),
    audience: player?.audience === true,
    ready: player?.ready === true,
    claims: player?.claims ?? null,
  };
}

/**
 * Everything of the state that `meFor(…, playerId)` reads. Entries of two states that are the
 * same objects (states share what a command did not change) give the same `me`, so a server can
 * skip building and comparing it. Pure.
 */
export function meInputs(state: SessionState, playerId: PlayerId): readonly unknown[] {
  return [
    own(state.players, playerId),
    own(state.votes, playerId),
    state.coaching,
    phaseOf(state) === 'lobby',
    state.exercise?.hotwash,
  ];
}

/**
 * Everything of the state that `meFor` reads for any player: the records and lists `meInputs`
 * picks each player's entries from. When two states share all of it (most commands touch none of
 * it), every player's `me` is the same in both, and a server can skip looking at each. Pure.
 */
export function meBasis(state: SessionState): readonly unknown[] {
  return [state.players, state.votes, state.coaching, phaseOf(state) === 'lobby', state.exercise?.hotwash];
}

/**
 * What `viewer` may see of the session: projected on the server so that nothing a viewer may not
 * see is ever sent. A player never gets another role's secrets, facilitator notes, unrevealed
 * injects, unvisited scenes, the seed or dice state; nobody gets the seed. A player's view is
 * their role's shared projection plus their `me`: the client composes it the same way from the
 * `view` and `me` messages. Pure; never throws.
 */
export function viewFor(scenario: Scenario, state: SessionState, viewer: Viewer): View {
  const game = gameOf(scenario);
  if (viewer.kind === 'facilitator' || viewer.kind === 'evaluator') return facilitatorView(game, state);
  if (viewer.kind === 'observer') return observerView(game, state);
  const view: PlayerView = {
    ...sharedPlayerView(game, state, roleOf(game, state, viewer.playerId)),
    me: meFor(scenario, state, viewer.playerId),
  };
  return view;
}

/** `{ [key]: value }`, or nothing when value is undefined: optional view fields stay absent, not undefined. */
function withDefined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
