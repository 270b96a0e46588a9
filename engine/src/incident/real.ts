import type { DetectionSource } from '../scenario/schema.ts';

export const REAL_MILESTONES = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const;
export type RealMilestone = (typeof REAL_MILESTONES)[number];

export const IMPORT_FORMATS = ['generic', 'pagerduty', 'opsgenie'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * A real incident imported from a team's history. It lives apart from practice records (`practice:
 * false`), has only the wall clock (real time is the only time it has), and one service.
 */
export interface RealIncident {
  practice: false;
  /** Stable across imports of the same export: the tool's id when the file has one, else service + start + title. */
  key: string;
  format: ImportFormat;
  service: string;
  title: string;
  severity: string | null;
  team: string | null;
  /** Wall-clock ms of each milestone the file gives. */
  at: Partial<Record<RealMilestone, number>>;
  /** How it was noticed; null when the export does not say. */
  detectionSource: DetectionSource | null;
}
