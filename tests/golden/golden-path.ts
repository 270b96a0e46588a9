import type { MarkableMilestone, Outcome, RecordMilestone } from '@chaos-quest/engine';

/**
 * A golden path: one scripted playthrough of a shipped scenario, written as the table would play it,
 * with the ending and milestones it must reach. Times are game minutes from the scenario's clock start.
 */
export interface GoldenPath {
  /** Unique within its scenario; with the scenario id it names the path's entry in hashes.json. */
  name: string;
  seed: string;
  /** Roles seated at the table, one player each; every role when left out. */
  seats?: string[];
  /** Format 1.1 session parameters, set in the lobby as the facilitator would. */
  parameters?: Record<string, string>;
  moves: Move[];
  expect: {
    ending: string;
    outcome: Outcome;
    /** Exactly the milestones the session records, `started` and `ended` included. */
    milestones: RecordMilestone[];
    detectedAt: number | null;
    resolvedAt: number | null;
  };
}

/**
 * One thing someone at the table does. `by` names the role of the player who does it; a choice
 * without `by` is applied by the facilitator. `physical` is a die result entered by hand, so the
 * path takes the branch it is written for whatever the seed.
 */
export type Move =
  | { apply: string; physical?: number; by?: string }
  | { advance: number }
  | { reveal: string }
  | { ack: string; by: string }
  | { declare: 'incident' | 'mitigated' | 'resolved'; by: string }
  | { mark: MarkableMilestone };

/** The paths of one scenario, keyed by the scenario's id. */
export interface ScenarioPaths {
  scenario: string;
  paths: GoldenPath[];
}
