import type { ScenarioPaths } from '../golden-path.ts';

export const leakedCredentials: ScenarioPaths = {
  scenario: 'leaked-credentials',
  paths: [
    {
      name: 'contained-disclosed',
      seed: 'golden-creds-1',
      moves: [
        { ack: 'guardduty-page', by: 'security' },
        { apply: 'read-trail', by: 'ic' },
        { apply: 'contain-from-trail' },
        // 6 + 3 (security) + 3 (trail reviewed) = 12 against 12.
        { apply: 'contain', physical: 6 },
        { apply: 'snapshot-then-kill' },
        // 5 + 4 (security) + 2 (evidence kept) = 11 against 11: the access logs show the download.
        { apply: 'access-logs', physical: 5 },
        { apply: 'notify-now', by: 'ic' },
        // 7 + 3 (platform) = 10 against 10: CI and the billing job move to OIDC.
        { apply: 'move-to-oidc', physical: 7 },
        { apply: 'close-notified', by: 'ic' },
      ],
      expect: {
        ending: 'contained-disclosed',
        outcome: 'success',
        milestones: ['started', 'firstPage', 'acknowledged', 'detected', 'mitigated', 'resolved', 'ended'],
        detectedAt: 8,
        resolvedAt: 71,
      },
    },
    {
      name: 'late-disclosure',
      seed: 'golden-creds-2',
      seats: ['ic', 'platform', 'privacy'],
      moves: [
        { apply: 'disable-key' },
        { ack: 'ci-page', by: 'platform' },
        { apply: 'find-everything' },
        // No security engineer: 5 + 3 + 1 = 9 against 12 misses the login profile; 11 + 4 = 15 holds.
        { apply: 'contain', physical: 5 },
        { apply: 'contain', physical: 11 },
        { apply: 'kill-now' },
        { apply: 'access-logs', physical: 9 },
        { apply: 'notify-later' },
        // 2 + 3 = 5 against 10: the billing job is left behind.
        { apply: 'move-to-oidc', physical: 2 },
        { apply: 'close-unnotified' },
      ],
      expect: {
        ending: 'late-disclosure',
        outcome: 'partial',
        milestones: ['started', 'firstPage', 'acknowledged', 'detected', 'mitigated', 'resolved', 'ended'],
        detectedAt: 2,
        resolvedAt: 69,
      },
    },
    {
      name: 'quiet-close',
      seed: 'golden-creds-3',
      moves: [
        { apply: 'maybe-sample' },
        { apply: 'disable-after-check' },
        { apply: 'kill-backdoor' },
        { apply: 'contain', physical: 4 },
        { apply: 'contain', physical: 10 },
        { apply: 'kill-now' },
        { apply: 'assume-clean' },
      ],
      expect: {
        ending: 'quiet-close',
        outcome: 'failure',
        milestones: ['started', 'firstPage', 'detected', 'mitigated', 'ended'],
        detectedAt: 5,
        resolvedAt: null,
      },
    },
  ],
};
