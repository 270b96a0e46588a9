import type { ScenarioPaths } from '../golden-path.ts';

export const zoneOutage: ScenarioPaths = {
  scenario: 'zone-outage',
  paths: [
    {
      name: 'held-steady',
      seed: 'golden-zone-1',
      moves: [
        { ack: 'page-api', by: 'sre' },
        { apply: 'split-by-zone', by: 'ic' },
        { apply: 'post-status', by: 'ic' },
        // 8 + 4 (SRE) = 12 against 10: the zonal shift takes effect.
        { apply: 'zonal-shift', physical: 8 },
        { apply: 'shed-features' },
        // 9 + 3 + 2 = 14 against 11: the reserved node group joins.
        { apply: 'reserved-capacity', physical: 9 },
        // 10 + 4 (data stores engineer) = 14 against 12: the replica takes over.
        { apply: 'promote-replica', physical: 10 },
        { apply: 'reassign' },
        { apply: 'return-gradually', by: 'ic' },
      ],
      expect: {
        ending: 'held-steady',
        outcome: 'success',
        milestones: ['started', 'firstPage', 'acknowledged', 'detected', 'mitigated', 'resolved', 'ended'],
        detectedAt: 3,
        resolvedAt: 72,
      },
    },
    {
      name: 'relapse',
      seed: 'golden-zone-2',
      moves: [
        { apply: 'rollback-release' },
        { apply: 'zone-after-rollback' },
        // 2 + 4 - 1 = 5 against 10: the on-call role lacks the permission.
        { apply: 'zonal-shift', physical: 2 },
        { apply: 'drain-zone' },
        { apply: 'force-clear' },
        { apply: 'any-instance' },
        { apply: 'fresh-cache' },
        { apply: 'lower-isr' },
        // 12 - 2 (single-copy Kafka) = 10 against 13: packet loss returns.
        { apply: 'return-now', physical: 12 },
      ],
      expect: {
        ending: 'relapse',
        outcome: 'partial',
        milestones: ['started', 'firstPage', 'detected', 'mitigated', 'resolved', 'ended'],
        detectedAt: 11,
        resolvedAt: 69,
      },
    },
    {
      name: 'botched-evacuation',
      seed: 'golden-zone-3',
      moves: [
        { apply: 'evacuate-early' },
        // 3 + 2 (data stores engineer) = 5 against 15: the standby stack cannot scale.
        { apply: 'run-evacuation', physical: 3 },
      ],
      expect: {
        ending: 'botched-evacuation',
        outcome: 'failure',
        milestones: ['started', 'firstPage', 'detected', 'ended'],
        detectedAt: 5,
        resolvedAt: null,
      },
    },
    {
      name: 'timeboxed',
      seed: 'golden-zone-4',
      moves: [{ apply: 'split-by-zone' }, { advance: 100 }, { advance: 47 }],
      expect: {
        ending: 'timeboxed',
        outcome: 'failure',
        milestones: ['started', 'firstPage', 'detected', 'ended'],
        detectedAt: 3,
        resolvedAt: null,
      },
    },
  ],
};
