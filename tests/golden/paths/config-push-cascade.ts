import type { ScenarioPaths } from '../golden-path.ts';

export const configPushCascade: ScenarioPaths = {
  scenario: 'config-push-cascade',
  paths: [
    {
      name: 'clean-recovery',
      seed: 'golden-config-1',
      moves: [
        { ack: 'page-edge', by: 'sre' },
        { apply: 'what-changed', by: 'ic' },
        { apply: 'ask-author', by: 'ic' },
        { ack: 'page-platform', by: 'author' },
        { apply: 'post-status' },
        { apply: 'edgectl-rollback' },
        // 7 + 4 (edge SRE) + 2 (author consulted) = 13 against 12: the break-glass path works.
        { apply: 'break-glass', physical: 7 },
        // 9 + 2 (edge SRE) = 11 against 10: traffic comes back in steps.
        { apply: 'ramp-traffic', physical: 9 },
        { apply: 'revert-and-pause' },
        { apply: 'close-out', by: 'ic' },
      ],
      expect: {
        ending: 'clean-recovery',
        outcome: 'success',
        milestones: ['started', 'firstPage', 'acknowledged', 'detected', 'mitigated', 'resolved', 'ended'],
        detectedAt: 3,
        resolvedAt: 36,
      },
    },
    {
      name: 'second-wave',
      seed: 'golden-config-2',
      moves: [
        { apply: 'scale-edge' },
        { apply: 'changes-after-scale' },
        { apply: 'edgectl-rollback' },
        // 14 + 2 - 2 (the doubled fleet) = 14 against 13: shedding load frees the admin path.
        { apply: 'shed-load', physical: 14 },
        // 5 + 3 (load shed) + 2 (edge SRE) = 10 against 10.
        { apply: 'ramp-traffic', physical: 5 },
        { apply: 'stand-down' },
        { reveal: 'second-page' },
        { ack: 'second-page', by: 'sre' },
        // 8 + 3 = 11 against 10: the second outage is cut short.
        { apply: 'local-rollback-again', physical: 8 },
      ],
      expect: {
        ending: 'second-wave',
        outcome: 'partial',
        milestones: ['started', 'firstPage', 'acknowledged', 'detected', 'mitigated', 'resolved', 'ended'],
        detectedAt: 9,
        resolvedAt: 43,
      },
    },
    {
      name: 'groundhog-hour',
      seed: 'golden-config-3',
      moves: [
        { apply: 'suspect-ddos' },
        { apply: 'changes-after-ddos' },
        { apply: 'edgectl-rollback' },
        { apply: 'shed-load', physical: 12 },
        { apply: 'open-floodgates' },
        { apply: 'shed-and-warm' },
        { apply: 'stand-down' },
        // 2 + 3 = 5 against 10: the reconciler's rule stays in place.
        { apply: 'local-rollback-again', physical: 2 },
      ],
      expect: {
        ending: 'groundhog-hour',
        outcome: 'failure',
        milestones: ['started', 'firstPage', 'detected', 'mitigated', 'ended'],
        detectedAt: 8,
        resolvedAt: null,
      },
    },
  ],
};
