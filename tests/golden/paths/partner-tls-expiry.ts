import type { ScenarioPaths } from '../golden-path.ts';

export const partnerTlsExpiry: ScenarioPaths = {
  scenario: 'partner-tls-expiry',
  paths: [
    {
      name: 'tax-restored',
      seed: 'golden-tls-1',
      moves: [
        { ack: 'page-checkout', by: 'backend' },
        { apply: 'open-traces' },
        { apply: 'open-breaker', by: 'ic' },
        { apply: 'inspect-cert' },
        // 8 + 3 (checkout engineer) + 2 (breaker open) = 13 against 11: the fallback loads.
        { apply: 'enable-fallback', physical: 8 },
        { apply: 'chase-partner' },
        // 6 + 3 (security) + 2 (partner lead) = 11 against 10: the EU endpoint answers.
        { apply: 'eu-endpoint', physical: 6 },
        { apply: 'close-clean', by: 'ic' },
      ],
      expect: {
        ending: 'tax-restored',
        outcome: 'success',
        milestones: ['started', 'firstPage', 'acknowledged', 'detected', 'mitigated', 'resolved', 'ended'],
        detectedAt: 4,
        resolvedAt: 30,
      },
    },
    {
      name: 'bypass-reported',
      seed: 'golden-tls-2',
      moves: [
        { apply: 'open-traces' },
        { apply: 'inspect-cert' },
        { apply: 'skip-verify' },
        { reveal: 'policy-audit' },
        { apply: 'record-bypass' },
        // 15 + 4 + 1 = 20 against 13: TaxWell's on-call joins the bridge.
        { apply: 'phone-bridge', physical: 15 },
        { apply: 'restore-live-tax' },
        { apply: 'close-with-report' },
      ],
      expect: {
        ending: 'bypass-reported',
        outcome: 'partial',
        milestones: ['started', 'firstPage', 'detected', 'mitigated', 'resolved', 'ended'],
        detectedAt: 4,
        resolvedAt: 41,
      },
    },
    {
      name: 'dark-until-morning',
      seed: 'golden-tls-3',
      moves: [
        { apply: 'scale-out' },
        { apply: 'traces-after-scale' },
        { apply: 'renew-ours' },
        { apply: 'inspect-after-renew' },
        { apply: 'contact-partner' },
        // 5 + 4 + 1 = 10 against 13: the bridge rings out.
        { apply: 'phone-bridge', physical: 5 },
        { apply: 'close-checkout' },
      ],
      expect: {
        ending: 'dark-until-morning',
        outcome: 'failure',
        milestones: ['started', 'firstPage', 'detected', 'ended'],
        detectedAt: 9,
        resolvedAt: null,
      },
    },
  ],
};
