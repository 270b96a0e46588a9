import type { MilestoneRecord } from '../session/state.ts';

export interface RunTime {
  key: 'ttd' | 'tta' | 'ttm' | 'ttr';
  label: string;
  /** Game minutes and wall ms between the two milestones, or null when either is missing. */
  span: { game: number; wall: number } | null;
}

const RUN_TIMES = [
  { key: 'ttd', label: 'Time to detect', from: 'started', to: 'detected' },
  { key: 'tta', label: 'Time to acknowledge', from: 'firstPage', to: 'acknowledged' },
  { key: 'ttm', label: 'Time to mitigate', from: 'started', to: 'mitigated' },
  { key: 'ttr', label: 'Time to resolve', from: 'started', to: 'resolved' },
] as const;

/**
 * This run's time to detect, acknowledge, mitigate and resolve, on both clocks, from the
 * milestones a view or a record carries (the same anchors as the engine's metrics): the debrief's cards
 * and the post-mortem draft both read it. Pure.
 */
export function runTimes(milestones: Readonly<Record<string, MilestoneRecord>>): RunTime[] {
  return RUN_TIMES.map(({ key, label, from, to }) => {
    const a = milestones[from];
    const b = milestones[to];
    return { key, label, span: a && b ? { game: b.game - a.game, wall: Math.max(0, b.wall - a.wall) } : null };
  });
}
