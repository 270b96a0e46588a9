import type { ScenarioPaths } from '../golden-path.ts';

export const missingRows: ScenarioPaths = {
  scenario: 'missing-rows',
  paths: [
    {
      name: 'core-found',
      seed: 'rows-1',
      moves: [
        { ack: 'finance-ticket', by: 'data' },
        { apply: 'compare-rows' },
        { apply: 'trace-files' },
        { apply: 'drain-worker', by: 'ic' },
        { apply: 'build-reproducer' },
        { apply: 'pin-cores', physical: 9 },
        { apply: 'tell-consumers' },
        { apply: 'backfill', physical: 6 },
        { apply: 'close-with-screening' },
      ],
      expect: {
        ending: 'core-found',
        outcome: 'success',
        milestones: ['started', 'firstPage', 'acknowledged', 'detected', 'mitigated', 'resolved', 'ended'],
        detectedAt: 15,
        resolvedAt: 125,
      },
    },
    {
      name: 'quiet-repair',
      seed: 'rows-2',
      moves: [
        { apply: 'compare-rows' },
        { apply: 'rerun-day' },
        { apply: 'ask-why' },
        { apply: 'build-reproducer' },
        { apply: 'pin-cores', physical: 3 },
        { apply: 'build-reproducer' },
        { apply: 'pin-cores', physical: 11 },
        { apply: 'backfill', physical: 9 },
        { apply: 'close-quietly' },
      ],
      expect: {
        ending: 'quiet-repair',
        outcome: 'partial',
        milestones: ['started', 'firstPage', 'detected', 'mitigated', 'resolved', 'ended'],
        detectedAt: 15,
        resolvedAt: 195,
      },
    },
    {
      name: 'still-corrupting',
      seed: 'rows-3',
      moves: [{ apply: 'compare-rows' }, { apply: 'rerun-day' }, { apply: 'backfill-and-close' }],
      expect: {
        ending: 'still-corrupting',
        outcome: 'failure',
        milestones: ['started', 'firstPage', 'detected', 'ended'],
        detectedAt: 15,
        resolvedAt: null,
      },
    },
  ],
};
