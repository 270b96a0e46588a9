import type { ScenarioPaths } from '../golden-path.ts';

export const dbFailoverLag: ScenarioPaths = {
  scenario: 'db-failover-lag',
  paths: [
    {
      name: 'clean-failover',
      seed: 'golden-db-failover-1',
      moves: [
        { ack: 'page-orders-5xx', by: 'sre' },
        { apply: 'open-dashboards', by: 'ic' },
        { apply: 'freeze-writes', by: 'ic' },
        { apply: 'post-status' },
        { apply: 'inspect-replica' },
        // 10 + 4 (database engineer) = 14 against 12: the team finds the missing WAL in the archive.
        { apply: 'find-missing-wal', physical: 10 },
        { reveal: 'finance-reply' },
        { apply: 'restart-with-archive', by: 'ic' },
        // 4 + 2 + 3 = 9 against 11 fails and costs 8 minutes; the retry's 9 + 5 = 14 succeeds.
        { apply: 'controlled-failover', physical: 4 },
        { apply: 'controlled-failover', physical: 9 },
        { apply: 'reconnect-pool' },
        { apply: 'close-clean', by: 'ic' },
      ],
      expect: {
        ending: 'clean-failover',
        outcome: 'success',
        milestones: ['started', 'firstPage', 'acknowledged', 'detected', 'mitigated', 'resolved', 'ended'],
        detectedAt: 4,
        resolvedAt: 47,
      },
    },
    {
      name: 'reconciled-gap',
      seed: 'golden-db-failover-5',
      seats: ['ic', 'sre', 'comms'],
      moves: [
        { apply: 'open-dashboards' },
        { apply: 'post-status' },
        { apply: 'inspect-replica' },
        // No database engineer at the table: 3 against 12 fails, and eleven minutes look lost.
        { apply: 'find-missing-wal', physical: 3 },
        { apply: 'promote-accept-loss' },
        { apply: 'point-traffic' },
        { apply: 'reconnect-pool' },
        // Rolled from the seed: a natural 14, + 2 for the status post = 16 against 12.
        { apply: 'reconcile-gap' },
      ],
      expect: {
        ending: 'reconciled-gap',
        outcome: 'partial',
        milestones: ['started', 'firstPage', 'detected', 'mitigated', 'resolved', 'ended'],
        detectedAt: 4,
        resolvedAt: 44,
      },
    },
    {
      name: 'lost-orders',
      seed: 'golden-db-failover-2',
      moves: [
        { apply: 'restart-api' },
        { apply: 'look-deeper' },
        { apply: 'force-promote' },
        { apply: 'point-traffic' },
        { apply: 'restart-stack' },
        // 2 + 3 (database engineer) = 5 against 12: the old primary is rewound before anyone dumps it.
        { apply: 'reconcile-gap', physical: 2 },
      ],
      expect: {
        ending: 'lost-orders',
        outcome: 'failure',
        milestones: ['started', 'firstPage', 'detected', 'mitigated', 'ended'],
        detectedAt: 10,
        resolvedAt: null,
      },
    },
    {
      name: 'timeboxed',
      seed: 'golden-db-failover-4',
      moves: [
        { ack: 'page-orders-5xx', by: 'sre' },
        { declare: 'incident', by: 'ic' },
        { advance: 60 },
        { advance: 60 },
      ],
      expect: {
        ending: 'timeboxed',
        outcome: 'failure',
        milestones: ['started', 'firstPage', 'acknowledged', 'detected', 'ended'],
        detectedAt: 0,
        resolvedAt: null,
      },
    },
  ],
};
