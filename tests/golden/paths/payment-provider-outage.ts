import type { ScenarioPaths } from '../golden-path.ts';

export const paymentProviderOutage: ScenarioPaths = {
  scenario: 'payment-provider-outage',
  paths: [
    {
      name: 'both-waves',
      seed: 'provider-1',
      moves: [
        { ack: 'checkout-page', by: 'payments' },
        { apply: 'probe-provider' },
        { apply: 'enable-breaker', by: 'ic' },
        { apply: 'plan-fallback' },
        { apply: 'flip-fallback', physical: 8 },
        { apply: 'ready-evening' },
        { apply: 'fallback-again', physical: 7 },
        { apply: 'close-and-review' },
      ],
      expect: {
        ending: 'both-waves',
        outcome: 'success',
        milestones: ['started', 'firstPage', 'acknowledged', 'detected', 'mitigated', 'resolved', 'ended'],
        detectedAt: 3,
        resolvedAt: 274,
      },
    },
    {
      name: 'held-carts',
      seed: 'provider-2',
      moves: [
        { apply: 'suspect-deploy' },
        { apply: 'probe-after-rollback' },
        { apply: 'wait-for-provider' },
        { apply: 'stand-down' },
        { apply: 'fallback-again', physical: 5 },
        { apply: 'settle-holds', physical: 10 },
      ],
      expect: {
        ending: 'held-carts',
        outcome: 'partial',
        milestones: ['started', 'firstPage', 'detected', 'mitigated', 'resolved', 'ended'],
        detectedAt: 11,
        resolvedAt: 384,
      },
    },
    {
      name: 'lost-presale',
      seed: 'provider-3',
      moves: [
        { apply: 'probe-provider' },
        { apply: 'wait-for-provider' },
        { apply: 'stand-down' },
        { apply: 'hold-carts' },
        { apply: 'settle-holds', physical: 4 },
      ],
      expect: {
        ending: 'lost-presale',
        outcome: 'failure',
        milestones: ['started', 'firstPage', 'detected', 'mitigated', 'ended'],
        detectedAt: 3,
        resolvedAt: null,
      },
    },
  ],
};
