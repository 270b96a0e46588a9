import type { DetectionSource, Dice, Health, MarkableMilestone, Milestone, Outcome } from '../scenario/schema.ts';
import type { Actor } from '../protocol/actor.ts';
import type { ChoiceId, InjectId, PlayerId, RoleId, SceneId } from '../protocol/ids.ts';
import type { ExerciseState } from '../exercise/exercise-state.ts';

/**
 * A session's whole state: plain JSON data, so it can be hashed, snapshotted and compared.
 * The seed lives here (dice derive from it) and never leaves the server: views leave it out.
 */

/**
 * The shape of SessionState. Bump it whenever that shape changes: a snapshot of another version is
 * ignored and its session rebuilt from the log, which stays the truth (DESIGN, Storage).
 */
// 3: the machine owns pause (no `paused` flag; game.value 'paused', game.history) and records revealed
// injects and the fault's onset in its context (issue 10).
// 4: `monitoring`, the alerts the team gets (issue 11).
// 5: `exercise`, the evaluation record (issue 13); absent until a session uses it.
export const STATE_VERSION = 5;

/** What the team's monitoring pages them with: the fixed alert rules only, or also the dynamic baseline's predictive alerts. */
export const MONITORING_MODES = ['thresholds', 'thresholds+baseline'] as const;
export type Monitoring = (typeof MONITORING_MODES)[number];

export const PHASES = ['lobby', 'briefing', 'running', 'paused', 'debrief', 'ended'] as const;
export type Phase = (typeof PHASES)[number];

/** The part of the state the compiled XState machine owns. */
export interface GameContext {
  /** Game minutes since the scenario's clock start. */
  clock: number;
  flags: Record<string, boolean>;
  health: Record<string, Health>;
  visited: string[];
  rolesPresent: string[];
  /** The ending reached, if any; null with an outcome means the facilitator ended the session. */
  ending: string | null;
  outcome: Outcome | null;
  /** The scenario's injects revealed so far, timed or by the facilitator: a timed inject fires once. */
  revealed: string[];
  /** Whether the fault has begun (its onset is machine behaviour, once the clock reaches it). */
  faultBegun: boolean;
}

/** The machine's snapshot as plain JSON: what `transition()` needs to carry on from it. */
export interface GameSnapshot {
  /** XState's state value: 'lobby' | 'briefing' | { running: sceneId } | 'paused' | 'debrief' | 'ended'. */
  value: string | Record<string, string>;
  context: GameContext;
  /** XState's history, as state node ids: the scene to resume after a pause. */
  history: Record<string, string[]>;
}

export interface Player {
  id: PlayerId;
  name: string;
  role: RoleId | null;
  hand: boolean;
  removed: boolean;
  joinedAt: number;
  /** A role this player asked the facilitator for during play, until it is granted or declined. */
  requestedRole: string | null;
}

/** When something happened, on both clocks. */
export interface Stamp {
  game: number;
  wall: number;
}

/**
 * Who may read a timeline entry. There is no per-player audience: every player of one role shares
 * one projection (DESIGN step 5), so anything meant for one player alone travels in their `me`.
 */
export type Audience = 'all' | 'facilitator' | { roles: RoleId[] };

export type TimelineKind =
  | 'phase'
  | 'scene'
  | 'inject'
  | 'page'
  | 'choice'
  | 'roll'
  | 'milestone'
  | 'declaration'
  | 'false-alarm'
  | 'post'
  | 'proposal'
  | 'coach'
  | 'clock'
  | 'player'
  | 'health'
  | 'narration'
  | 'action-item';

export interface TimelineEntry {
  seq: number;
  at: Stamp;
  kind: TimelineKind;
  text: string;
  /** Display name of who did it, or 'Facilitator' / 'System'. */
  by: string;
  audience: Audience;
}

export interface RevealedInject {
  /** Unique within the session: the scenario's inject id, or `improvised-<seq>`. */
  key: string;
  injectId: InjectId | null;
  text: string;
  /** Role ids it was revealed to; null means everyone. */
  to: RoleId[] | null;
  page: boolean;
  at: Stamp;
  acknowledgedBy: PlayerId[];
}

export interface Proposal {
  id: string;
  playerId: PlayerId;
  text: string;
  at: Stamp;
  /** The scene it was proposed in; '' when none (never, as proposals need a live game). */
  scene: SceneId | '';
}

export interface Declaration {
  id: string;
  playerId: PlayerId;
  kind: 'incident' | 'mitigated' | 'resolved';
  note: string | null;
  at: Stamp;
  status: 'accepted' | 'pending' | 'confirmed' | 'false-alarm';
  /** What told the team, when the declaring player said (an alert's key with it). */
  source?: DeclaredSource;
  alert?: string;
}

/** What a player can say told them about the incident. */
export const DECLARED_SOURCES = ['alert', 'dashboard', 'customer', 'other'] as const;
export type DeclaredSource = (typeof DECLARED_SOURCES)[number];

export interface MilestoneRecord extends Stamp {
  source: DetectionSource | 'scene' | 'outcome' | 'page' | 'scenario';
}

export interface Decision {
  seq: number;
  scene: SceneId | '';
  choice: ChoiceId;
  label: string;
  by: string;
  at: Stamp;
  outcome: 'done' | 'success' | 'failure';
}

export interface RollRecord {
  seq: number;
  label: string;
  /** The scenario's choice id for a check, or null for an improvised roll. */
  choice: ChoiceId | null;
  dice: Dice;
  natural: number;
  modifiers: { label: string; add: number }[];
  total: number;
  target: number | null;
  success: boolean | null;
  physical: boolean;
  at: Stamp;
}

export interface CoachNote {
  seq: number;
  playerId: PlayerId;
  text: string;
  at: Stamp;
}

export interface ActionItem {
  id: string;
  text: string;
  owner: string | null;
  by: string;
  at: Stamp;
}

export interface SessionState {
  scenarioId: string;
  scenarioHash: string;
  seed: string;
  team: string | null;
  /** The seq of the last applied command; 0 for a new session. */
  seq: number;
  game: GameSnapshot;
  /** Paced mode: wall seconds per game minute, or null when the facilitator drives the clock. */
  pace: number | null;
  monitoring: Monitoring;
  players: Record<PlayerId, Player>;
  revealed: RevealedInject[];
  timeline: TimelineEntry[];
  /** Scenes entered, in order (with repeats), then the ending reached. */
  path: SceneId[];
  /** Each player's vote for a choice of the current scene. */
  votes: Record<PlayerId, ChoiceId>;
  proposals: Proposal[];
  declarations: Declaration[];
  coaching: CoachNote[];
  milestones: Partial<Record<Milestone | 'started' | 'ended' | 'firstPage', MilestoneRecord>>;
  decisions: Decision[];
  rolls: RollRecord[];
  /** How many times each roll identity has been rolled: part of the dice seed. */
  rollCounts: Record<string, number>;
  actionItems: ActionItem[];
  /** Characters of typed text accepted so far, against SESSION_LIMITS.text. */
  textUsed: number;
  /** The exercise's evaluation record; absent until a command of the exercise creates it. */
  exercise?: ExerciseState;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  lastAt: number;
}

export type { Actor, MarkableMilestone };
