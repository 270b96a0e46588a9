import type { EvaluatorId, PlayerId, RoleId } from '../protocol/ids.ts';
import type { ExerciseView, HotwashMe, HotwashView } from '../exercise/exercise-view.ts';
import type { StoryView } from './story-view.ts';
import type { Component, Dice, EscalationStep, Health, Outcome } from '../scenario/schema.ts';
import type {
  ActionItem,
  CoachNote,
  DebriefNote,
  Decision,
  Declaration,
  MilestoneRecord,
  Phase,
  Proposal,
  RevealedInject,
  RollRecord,
  TimelineEntry,
} from '../session/state.ts';

/**
 * Who is looking. Observers (the room's projector, a manager) see the public view only; evaluators
 * see what the facilitator sees (they share the facilitator's projection) but run nothing.
 */
export type Viewer =
  | { kind: 'facilitator' }
  | { kind: 'player'; playerId: PlayerId }
  | { kind: 'evaluator'; evaluatorId: EvaluatorId }
  | { kind: 'observer' };

export interface ChoiceView {
  id: string;
  label: string;
  /** 1.1: an action open in every scene. */
  everywhere?: true;
  /** 1.1: the role that decides it (or rolls its check), beside the facilitator. */
  decidedBy?: string;
  takes: number;
  check: { dice: Dice; target: number; modifiers: { label: string; add: number }[] } | null;
  votes: number;
}

export interface PlayerSummary {
  id: string;
  name: string;
  role: string | null;
  hand: boolean;
  /** Watching as audience (they joined a locked or full table) rather than sitting at it. */
  audience: boolean;
  /** Said they are ready during the briefing. */
  ready: boolean;
}

/** A player who says they are another player on a new device, as the facilitator sees it. */
export interface SeatClaim {
  playerId: string;
  claims: string;
}

/** A player's open request for another role, as the facilitator sees it. */
export interface RoleRequest {
  playerId: string;
  role: string;
}

export interface MapNode {
  id: string;
  label: string;
  kind: 'scene' | 'ending';
  outcome: Outcome | null;
  visited: boolean;
  current: boolean;
}

export interface MapEdge {
  from: string;
  to: string;
  label: string;
  taken: boolean;
}

/** What every viewer may see. */
export interface PublicView {
  viewer: Viewer['kind'];
  scenario: {
    id: string;
    title: string;
    summary: string;
    difficulty: string;
    services: string[];
    /** Each role's public description (its secrets are the seated player's alone). */
    roles: { id: string; name: string; brief: string }[];
    components: Component[];
    escalation: EscalationStep[];
    faultSummary: string | null;
  };
  team: string | null;
  phase: Phase;
  /** Paused by itself because the facilitator's connection dropped (not by the facilitator's hand). */
  autoPaused: boolean;
  /** `label` carries the day once the session has passed midnight (`days`); `start` labels any other minute. */
  clock: { minutes: number; label: string; timebox: number; pace: number | null; start: string; days: boolean };
  /** `visit` (1.1): how many scenes the party has entered, this one included; proposals belong to one visit. */
  scene: { id: string; title: string; narration: string; visit?: number } | null;
  choices: ChoiceView[];
  health: Record<string, Health>;
  injects: RevealedInject[];
  /** The newest timeline entries this viewer may see (VIEW_WINDOWS.timeline of them at most). */
  timeline: TimelineEntry[];
  /** How many timeline entries this viewer may see in all: the ones before `timeline` come from `timelinePage`. */
  timelineCount: number;
  players: PlayerSummary[];
  proposals: Proposal[];
  declarations: Declaration[];
  milestones: Record<string, MilestoneRecord>;
  decisions: Decision[];
  rolls: RollRecord[];
  ending: { id: string | null; title: string; outcome: Outcome; narration: string | null; debrief: string[] } | null;
  actionItems: ActionItem[];
  /** What went well, what was hard, where the team got lucky: written at the debrief, for the post-mortem. */
  debriefNotes: DebriefNote[];
  /** The scenario map: for players only the visited part, for the facilitator all of it. */
  map: { nodes: MapNode[]; edges: MapEdge[] };
  /** The hot wash's areas to improve and their votes; absent until the session has an exercise record. */
  hotwash?: HotwashView;
}

/** What only one player sees: their own seat, role card, vote, hand and coaching. */
export interface PlayerMe {
  playerId: PlayerId;
  name: string;
  /** Secrets are empty in the lobby: they arrive with the briefing. */
  role: { id: string; name: string; brief: string; secrets: string[]; canApplyChoices: boolean } | null;
  /** A role this player asked the facilitator for, while the request is open. */
  requestedRole: string | null;
  vote: string | null;
  hand: boolean;
  coaching: CoachNote[];
  /** Whether this player sent the hot-wash form, and their votes; absent until the session has an exercise record. */
  hotwash?: HotwashMe;
  audience: boolean;
  ready: boolean;
  /** The seat this player claims as theirs from another device, while the facilitator has not answered. */
  claims: string | null;
}

export interface PlayerView extends PublicView {
  viewer: 'player';
  me: PlayerMe;
}

/** A player's view without its `me`: the same for every player of one role. */
export interface SharedPlayerView extends PublicView {
  viewer: 'player';
}

export interface InjectPlan {
  id: string;
  scene: string | null;
  /** 1.1: the module holding it, when a module does. */
  module?: string;
  at: number | null;
  to: string[] | null;
  page: boolean;
  text: string;
  notes: string | null;
  revealed: boolean;
  /** Can be revealed now (its scene is current or it is scenario-wide). */
  available: boolean;
  /**
   * Where it stands: to come, revealed, due but waiting for the party to be in its scene, or missed
   * (1.1: its window passed). `due`: for a revealed inject, the minute it fell due when it fired
   * late; for one not yet revealed, the minute it falls (or fell) due when known.
   */
  status: 'upcoming' | 'revealed' | 'waiting' | 'missed';
  due: number | null;
}

export interface FacilitatorView extends PublicView {
  viewer: 'facilitator';
  notes: string | null;
  scenes: { id: string; title: string }[];
  injectPlan: InjectPlan[];
  roles: { id: string; name: string; brief: string; secrets: string[]; canApplyChoices: boolean }[];
  votesByPlayer: Record<string, string>;
  /** Which alerts page the team, and whether the scenario has telemetry for them to come from. */
  monitoring: { mode: 'thresholds' | 'thresholds+baseline'; telemetry: boolean };
  roleRequests: RoleRequest[];
  coaching: CoachNote[];
  fault: { startsAt: number; affects: string[]; summary: string };
  /** The scenario's flags and whether each is set: what the story runs on, for the one who runs it. */
  flags: Record<string, boolean>;
  /** The exercise's record, evaluators' notes included; absent when the session is no exercise. */
  exercise?: ExerciseView;
  table: { locked: boolean; cap: number | null; autoPause: boolean };
  seatClaims: SeatClaim[];
  /** Roles nobody at the table holds now: their injects and pages reach only the facilitator. */
  emptyRoles: string[];
  /** Keys of the revealed injects (of those the view carries) meant only for roles nobody holds: nobody else read them. */
  unheld: string[];
  /** 1.1: counters, deadlines, the module and the turn; null for a 1.0 scenario. */
  story: StoryView | null;
}

export interface ObserverView extends PublicView {
  viewer: 'observer';
}

export type View = FacilitatorView | PlayerView | ObserverView;

/**
 * The view fields that hold the session state's own list entries (its timeline entries, revealed
 * injects, proposals…), the very objects the state holds rather than copies. The engine never
 * changes an entry once it is in a list (handlers replace entries, never mutate them: draft.ts),
 * so an entry's encoding can be cached for as long as the entry lives.
 */
export const ENTRY_LIST_FIELDS = [
  'injects',
  'timeline',
  'proposals',
  'declarations',
  'decisions',
  'rolls',
  'actionItems',
  'debriefNotes',
  'coaching',
] as const satisfies readonly (keyof FacilitatorView)[];

export type EntryListField = (typeof ENTRY_LIST_FIELDS)[number];

/**
 * How many of each list's newest entries a view carries. A session's lists grow all game long;
 * a view stays small enough to send to every socket, and older timeline entries are fetched on
 * demand (`timelinePage`). A real game day stays inside every window but the timeline's.
 */
export const VIEW_WINDOWS: Readonly<Record<EntryListField, number>> = {
  injects: 100,
  timeline: 200,
  proposals: 50,
  declarations: 50,
  decisions: 100,
  rolls: 100,
  actionItems: 100,
  debriefNotes: 100,
  coaching: 50,
};

/**
 * Who a projection is for. Every player of one role (or of none) shares one projection, so the
 * server builds and encodes it once per role, not once per player.
 */
export type ViewAudience = { kind: 'facilitator' } | { kind: 'observer' } | { kind: 'role'; role: RoleId | null };

/** What `projectionFor` returns: a whole view, except that a player's lacks its `me`. */
export type Projection = FacilitatorView | SharedPlayerView | ObserverView;
