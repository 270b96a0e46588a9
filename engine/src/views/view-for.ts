import { gameOf, type Game } from '../compile/game.ts';
import type { PlayerId, RoleId } from '../protocol/ids.ts';
import type { Scenario } from '../scenario/schema.ts';
import { activeModifiers, availableChoices } from '../session/choices.ts';
import { debriefPrompts } from '../session/debrief-prompts.ts';
import { is1_1 } from '../compile/story-1-1.ts';
import { gameTimeLabel } from '../session/game-clock.ts';
import { phaseOf, sceneOf } from '../session/phase.ts';
import { renderText, showsDays } from '../session/template.ts';
import { storyView } from './story-view.ts';
import { milestonesSeen, playerList, scenarioPart, staticsOf } from './shared-parts.ts';
import { perSnapshot, timelineWindow, windowOf, type Made } from './kept-parts.ts';
import type { Audience, GameSnapshot, RollRecord, SessionState, TimelineEntry } from '../session/state.ts';
import { own } from '../session/own.ts';
import { scenarioMap } from './map.ts';
import { healthWithTelemetry } from '../telemetry/health.ts';
import { VIEW_WINDOWS } from './view.ts';
import { exerciseView, hotwashView } from '../exercise/exercise-view.ts';
import { emptyRoles, injectPlan, seatAsks, unheldOf } from './facilitator-parts.ts';
import { meFor } from './me-view.ts';
import type {
  ChoiceView,
  FacilitatorView,
  InjectPlan,
  ObserverView,
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

/**
 * Everything an audience sees that is not the facilitator's alone, as the projection `viewer` gets
 * it. Made in one object literal with no spread: every projection of every command is made anew,
 * and one literal is one allocation where a spread adds its fields one by one, growing the
 * object's store as it goes (a facilitator's view made by spreads cost ~4 KB of garbage).
 */
function publicPart<V extends PublicView['viewer']>(
  game: Game,
  state: SessionState,
  seen: Seen,
  viewer: V,
): PublicView & { viewer: V } {
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
  const { window: timeline, count: timelineCount } = timelineOf(state, seen);
  const view: PublicView & { viewer: V } = {
    viewer,
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
    timeline,
    timelineCount,
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
  };
  const hotwash = hotwashView(state);
  if (hotwash !== undefined) view.hotwash = hotwash;
  return view;
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

/** Names what an audience may see of the lists (see windowOf): the observers and players without a role see alike. */
const seenKey = (seen: Seen): string => (seen.facilitator ? 'f' : `r:${seen.role ?? ''}`);

/** The timeline window an audience sees, and how many entries it sees in all (see timelineWindow). */
function timelineOf(state: SessionState, seen: Seen): { window: TimelineEntry[]; count: number } {
  return timelineWindow(state.timeline, VIEW_WINDOWS.timeline, seenKey(seen), (t) => canSee(t.audience, seen));
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

/**
 * The facilitator's whole view: the public part's fields and the facilitator's own, named one by
 * one in one literal (see publicPart for why no spread).
 */
function facilitatorView(game: Game, state: SessionState): FacilitatorView {
  const { scenario } = game;
  const statics = staticsOf(game);
  const sceneId = sceneOf(state);
  const base = publicPart(game, state, { facilitator: true }, 'facilitator');
  const empty = emptyRoles(game, state);
  const asks = seatAsks(state.players);
  const view: FacilitatorView = {
    viewer: 'facilitator',
    scenario: base.scenario,
    team: base.team,
    phase: base.phase,
    autoPaused: base.autoPaused,
    clock: base.clock,
    scene: base.scene,
    choices: base.choices,
    health: base.health,
    injects: base.injects,
    timeline: base.timeline,
    timelineCount: base.timelineCount,
    players: base.players,
    proposals: base.proposals,
    declarations: base.declarations,
    milestones: base.milestones,
    decisions: base.decisions,
    rolls: base.rolls,
    ending: base.ending,
    actionItems: base.actionItems,
    debriefNotes: base.debriefNotes,
    map: base.map,
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
    roleRequests: asks.roleRequests,
    coaching: windowOf(state.coaching, VIEW_WINDOWS.coaching, 'coaching'),
    fault: statics.fault,
    flags: state.game.context.flags,
    table: state.table,
    seatClaims: asks.seatClaims,
    emptyRoles: empty,
    unheld: unheldOf(base.injects, empty),
    story: storyView(game, state),
  };
  if (base.hotwash !== undefined) view.hotwash = base.hotwash;
  const exercise = exerciseView(scenario, state);
  if (exercise !== undefined) view.exercise = exercise;
  return view;
}

function observerView(game: Game, state: SessionState): ObserverView {
  return publicPart(game, state, { facilitator: false, role: null }, 'observer');
}

function sharedPlayerView(game: Game, state: SessionState, role: RoleId | null): SharedPlayerView {
  return publicPart(game, state, { facilitator: false, role }, 'player');
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
 * Whether `audienceOf` gives every viewer the same audience in both states of one session: an
 * audience follows from the viewer and the seated players' roles alone, so a raised hand or a
 * ready flag (a new players record) leaves everyone where they were. Pure.
 */
export function sameAudiences(before: SessionState, after: SessionState): boolean {
  if (before.players === after.players) return true;
  const ids = Object.keys(after.players);
  if (ids.length !== Object.keys(before.players).length) return false;
  for (const id of ids) {
    const was = own(before.players, id as PlayerId);
    if (was === undefined || was.role !== after.players[id as PlayerId]?.role) return false;
  }
  return true;
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
