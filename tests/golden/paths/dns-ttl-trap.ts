import type { ScenarioPaths } from '../golden-path.ts';

export const dnsTtlTrap: ScenarioPaths = {
  scenario: 'dns-ttl-trap',
  paths: [
    {
      name: 'renamed-around',
      seed: 'golden-dns-1',
      moves: [
        { ack: 'ticket-surge', by: 'support' },
        { apply: 'ask-support', by: 'ic' },
        { ack: 'sre-escalation', by: 'sre' },
        { apply: 'post-workaround' },
        { apply: 'dig-resolvers' },
        { apply: 'purge-public' },
        { apply: 'plan-new-name' },
        // 6 + 3 + 2 = 11 against 12: the CSP blocks the web app; the retry's 9 + 5 = 14 lands.
        { apply: 'ship-new-name', physical: 6 },
        { apply: 'ship-new-name', physical: 9 },
        // 4 + 3 (support) + 2 (status post) + 2 (api2 live) = 11 against 11.
        { apply: 'notify-partners', physical: 4 },
        { apply: 'close-all-clear', by: 'ic' },
      ],
      expect: {
        ending: 'renamed-around',
        outcome: 'success',
        milestones: ['started', 'firstPage', 'acknowledged', 'detected', 'mitigated', 'resolved', 'ended'],
        detectedAt: 3,
        resolvedAt: 60,
      },
    },
    {
      name: 'partner-tail',
      seed: 'golden-dns-2',
      moves: [
        { apply: 'ask-support' },
        { apply: 'dig-resolvers' },
        { apply: 'call-isps' },
        // 13 + 3 (network engineer) = 16 against 15: both NOCs flush.
        { apply: 'reach-noc', physical: 13 },
        // 3 + 3 = 6 against 11: one partner's contractor does not answer.
        { apply: 'notify-partners', physical: 3 },
        { apply: 'close-one-down' },
      ],
      expect: {
        ending: 'partner-tail',
        outcome: 'partial',
        milestones: ['started', 'firstPage', 'detected', 'mitigated', 'resolved', 'ended'],
        detectedAt: 3,
        resolvedAt: 47,
      },
    },
    {
      name: 'waited-out',
      seed: 'golden-dns-3',
      moves: [
        { apply: 'check-dashboards' },
        { apply: 'blame-release' },
        { apply: 'back-to-customers' },
        { apply: 'dig-resolvers' },
        { apply: 'recreate-alb' },
        { apply: 'back-to-options' },
        { apply: 'wait-it-out' },
        { apply: 'keep-waiting' },
      ],
      expect: {
        ending: 'waited-out',
        outcome: 'failure',
        milestones: ['started', 'firstPage', 'detected', 'ended'],
        detectedAt: 12,
        resolvedAt: null,
      },
    },
  ],
};
