import type { ScenarioPaths } from '../golden-path.ts';

export const configCheckStampede: ScenarioPaths = {
  scenario: 'config-check-stampede',
  paths: [
    {
      name: 'slices-back',
      seed: 'stampede-1',
      moves: [
        { ack: 'error-page', by: 'app' },
        { apply: 'read-queries' },
        { apply: 'read-client' },
        { apply: 'fix-value' },
        { apply: 'push-killswitch', physical: 12 },
        { apply: 'open-in-slices' },
        { apply: 'close-clean', by: 'ic' },
      ],
      expect: {
        ending: 'slices-back',
        outcome: 'success',
        milestones: ['started', 'firstPage', 'acknowledged', 'detected', 'mitigated', 'resolved', 'ended'],
        detectedAt: 4,
        resolvedAt: 53,
      },
    },
    {
      name: 'armed-net',
      seed: 'stampede-2',
      moves: [
        { apply: 'add-replicas' },
        { apply: 'look-at-queries' },
        { apply: 'read-client' },
        { apply: 'plan-shutdown' },
        { apply: 'post-status' },
        { apply: 'block-cluster', physical: 9 },
        { apply: 'fix-now' },
        { apply: 'open-in-slices' },
        { apply: 'close-armed' },
      ],
      expect: {
        ending: 'armed-net',
        outcome: 'partial',
        milestones: ['started', 'firstPage', 'detected', 'mitigated', 'resolved', 'ended'],
        detectedAt: 15,
        resolvedAt: 70,
      },
    },
    {
      name: 'long-dark',
      seed: 'stampede-3',
      moves: [
        { apply: 'read-queries' },
        { apply: 'restart-fleet' },
        { apply: 'stop-restart' },
        { apply: 'plan-shutdown' },
        { apply: 'block-cluster', physical: 15 },
        { apply: 'open-all' },
        { apply: 'push-through' },
      ],
      expect: {
        ending: 'long-dark',
        outcome: 'failure',
        milestones: ['started', 'firstPage', 'detected', 'mitigated', 'ended'],
        detectedAt: 4,
        resolvedAt: null,
      },
    },
  ],
};
