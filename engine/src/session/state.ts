import type { DeadlineState } from '../scenario/condition-schema.ts';
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
// 5: `debriefNotes`, what went well, what was hard and where the team got lucky; an action item's `priority` (issue 12).
// 6: `table` (joining locked, the table's cap, auto-pause), `autoPaused`, and a player's `audience`,
// `ready` and `claims` (issue 14).
// 7: `rules`, and declarations the facilitator answers (`answer`, status `rejected`, milestones' `declared`).
// 8: format 1.1's story state in the machine's context (`Story1_1`), the session's `module` (issue 15).
// 9: `exercise`, the evaluation record (issue 13); absent until a session uses it.
// 10: format 1.1's decks in the machine's context (`piles`, `drawn`), a timeline entry's kind `card`;
// absent for a scenario without decks, so every earlier state hashes as before.
export const STATE_VERSION = 10;

/** What the team's monitoring pages them with: the fixed alert rules only, or also the dynamic baseline's predictive alerts. */
export const MONITORING_MODES = ['thresholds', 'thresholds+baseline'] as const;
export type Monitoring = (typeof MONITORING_MODES)[number];

export const PHASES = ['lobby', 'briefing', 'running', 'paused', 'debrief', 'ended'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * What a format 1.1 scenario's story runs on, beside the 1.0 context. Absent for a 1.0 scenario, so
 * a 1.0 session's state (and every hash of it) is what it always was.
 */
export interface Story1_1 {
  counters: Record<string, number>;
  /** Milestones reached, mirrored from the session so conditions and deadlines can read them. */
  reached: string[];
  /** The game minute each flag was last set. */
  flagsSetAt: Record<string, number>;
  deadlines: Record<string, { since: number; state: DeadlineState; ended?: number }>;
  parameters: Record<string, string>;
  /** Choices applied so far: what a cooldown of N choices counts. */
  turns: number;
  /** Choices closed by a cooldown, until this turn or game minute. */
  cooldowns: Record<string, { turn?: number; clock?: number }>;
  /** The game minute the party entered the current scene, and its module. */
  sceneSince: number;
  module: string | null;
  moduleSince: number;
  /** Injects whose window passed before they could fire. */
  missed: string[];
  /**
   * Each deck's cards in this session's seeded order: generator state, which never leaves the server.
   * Present only when the scenario has decks or deals.
   */
  piles?: Record<string, string[]>;
  /** The cards drawn so far, in order; `card` is null for a draw from a deck with nothing left. */
  drawn?: { deck: string; card: string | null }[];
}

/** The part of the state the compiled XState machine owns. */
export interface GameContext extends Partial<Story1_1> {
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
  /** Watching, not at the table: they joined a locked or full table. Absent for a seated player. */
  audience?: true;
  /** Said they are ready during the briefing. Absent until they do. */
  ready?: true;
  /** Says they are this player on another device and asks for that seat back; the facilitator answers. */
  claims?: PlayerId;
}

/** Who may join and what happens when the facilitator drops: the facilitator's to change at any time. */
export interface TableSettings {
  /** New joiners watch as audience; players already seated reconnect as before. */
  locked: boolean;
  /** How many players may sit at the table (audience aside); joiners past it watch. Null: no cap. */
  cap: number | null;
  /** Pause by itself when the facilitator's last connection drops. */
  autoPause: boolean;
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
  | 'action-item'
  | 'debrief-note'
  | 'card';

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
  /** 1.1: the game minute it fell due, when it fired later than that (after a long choice). */
  due?: number;
}

export interface Proposal {
  id: string;
  playerId: PlayerId;
  text: string;
  at: Stamp;
  /** The scene it was proposed in; '' when none (never, as proposals need a live game). */
  scene: SceneId | '';
  /** 1.1: the visit of that scene (the path's length then), since a return to a scene starts afresh. */
  visit?: number;
}

export interface Declaration {
  id: string;
  playerId: PlayerId;
  kind: 'incident' | 'mitigated' | 'resolved';
  note: string | null;
  at: Stamp;
  /**
   * `accepted`: it set its milestone at once (the incident commander's, or any player's under rules 1);
   * `pending`: it waits for the facilitator, who confirms or rejects it.
   */
  status: 'accepted' | 'pending' | 'confirmed' | 'rejected' | 'false-alarm';
  /** What told the team, when the declaring player said (an alert's key with it). */
  source?: DeclaredSource;
  alert?: string;
  /** How the facilitator answered it, once they did (sessions on rules 2 and later). */
  answer?: DeclarationAnswer;
}

/** The facilitator's answer to a pending declaration: what the milestone became, or why not. */
export interface DeclarationAnswer {
  /** When the facilitator answered. */
  at: Stamp;
  /** The game minute the milestone was set at (the declaration's own, unless overridden); null when rejected. */
  minute: number | null;
  /** The source and alert the facilitator settled on, when they overrode the player's. */
  source?: DeclaredSource;
  alert?: string;
  /** Why it was rejected, for the table to read. */
  reason?: string;
}

/** What a player can say told them about the incident. */
export const DECLARED_SOURCES = ['alert', 'dashboard', 'customer', 'other'] as const;
export type DeclaredSource = (typeof DECLARED_SOURCES)[number];

export interface MilestoneRecord extends Stamp {
  source: DetectionSource | 'scene' | 'outcome' | 'page' | 'scenario';
  /** The declaration that set it, when one did (sessions on rules 2 and later). */
  declared?: DeclaredMilestone;
}

/** Who declared a milestone, from what, and who confirmed it: what the record keeps of a declaration. */
export interface DeclaredMilestone {
  /** The declaration's id. */
  id: string;
  /** The declaring player's name, and their role's name when they had one. */
  by: string;
  role: string | null;
  told: DeclaredSource | null;
  alert: string | null;
  /** `commander`: the incident commander declared it, which sets it at once; else the facilitator confirmed it. */
  confirmedBy: 'facilitator' | 'commander';
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
  /** 1.1: a roll graded past success or failure. */
  grade?: 'critical_success' | 'critical_failure' | 'complication';
  /**
   * An improvised roll the facilitator keeps from the table until they reveal it (dice.reveal).
   * Absent on every other roll, so states and logs from before it existed read the same.
   */
  hidden?: true;
}

export interface CoachNote {
  seq: number;
  playerId: PlayerId;
  text: string;
  at: Stamp;
}

/** How soon an action item should be done, when the table said. */
export const ACTION_PRIORITIES = ['high', 'medium', 'low'] as const;
export type ActionPriority = (typeof ACTION_PRIORITIES)[number];

export interface ActionItem {
  id: string;
  text: string;
  owner: string | null;
  /** Absent when the table did not say (and in sessions from before priorities existed). */
  priority?: ActionPriority;
  by: string;
  at: Stamp;
}

/** The post-mortem's three reflections, each captured at the debrief from a seat's own screen. */
export const DEBRIEF_NOTE_KINDS = ['went-well', 'hard', 'lucky'] as const;
export type DebriefNoteKind = (typeof DEBRIEF_NOTE_KINDS)[number];
/** How each reflection reads on the timeline and on the debrief screen. */
export const DEBRIEF_NOTE_LABELS: Readonly<Record<DebriefNoteKind, string>> = {
  'went-well': 'Went well',
  hard: 'Was hard',
  lucky: 'We got lucky',
};

export interface DebriefNote {
  id: string;
  kind: DebriefNoteKind;
  text: string;
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
  table: TableSettings;
  /** When the session paused by itself (the facilitator's connection dropped), until it resumes. */
  autoPaused: Stamp | null;
  /** Which rules the session plays by (see session/rules.ts): 1 unless its log says otherwise. */
  rules: number;
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
  debriefNotes: DebriefNote[];
  /** Characters of typed text accepted so far, against SESSION_LIMITS.text. */
  textUsed: number;
  /** The exercise's evaluation record; absent until a command of the exercise creates it. */
  exercise?: ExerciseState;
  /** 1.1: the module the exercise is in, and the wall-clock ms it began (its budget counts from there). */
  module?: { id: string; startedAt: number };
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  lastAt: number;
}

export type { Actor, MarkableMilestone };
