import type { ScenarioPaths } from '../golden-path.ts';

const ALL = ['started', 'firstPage', 'detected', 'mitigated', 'resolved', 'ended'] as const;

export const ransomwareRegulator: ScenarioPaths = {
  scenario: 'ransomware-regulator',
  paths: [
    {
      name: 'recovered',
      seed: 'golden-ransom-1',
      moves: [
        { apply: 'look-console' },
        { apply: 'isolate-now', by: 'ic' },
        // 12 + 3 (security) + 2 (isolated) = 17 against 11: the exfiltration is confirmed and the 72 hours start.
        { apply: 'trace-exfil', physical: 12, by: 'security' },
        { apply: 'notify-regulator', by: 'legal' },
        { apply: 'reset-directory' },
        { apply: 'refuse' },
        // 14 + 3 (IT lead) + 2 (isolated) = 19 against 12: clean, and not within 3 of the target.
        { apply: 'verify-backups', physical: 14 },
        { apply: 'restore-records' },
        { apply: 'restore-shares' },
        { apply: 'move-to-close' },
        { apply: 'close-notified', by: 'ic' },
      ],
      expect: { ending: 'recovered', outcome: 'success', milestones: [...ALL], detectedAt: 10, resolvedAt: 1540 },
    },
    {
      name: 'recovered-late',
      seed: 'golden-ransom-2',
      moves: [
        { apply: 'restart-server' },
        { apply: 'isolate-now' },
        { apply: 'trace-exfil', physical: 9 },
        { apply: 'reset-directory' },
        { apply: 'holding-statement' },
        { apply: 'refuse' },
        // 9 + 3 + 2 = 14 against 12: a success within 3, so the nightly copies are lost and the tape is used.
        { apply: 'verify-backups', physical: 9 },
        { apply: 'restore-shares' },
        { apply: 'restore-records' },
        { apply: 'move-to-close' },
        { apply: 'close-late' },
      ],
      expect: { ending: 'recovered-late', outcome: 'partial', milestones: [...ALL], detectedAt: 40, resolvedAt: 1525 },
    },
    {
      name: 'paid-and-leaked',
      seed: 'golden-ransom-3',
      moves: [
        { apply: 'look-console' },
        { apply: 'isolate-now' },
        { apply: 'trace-exfil', physical: 3 },
        { apply: 'call-insurer' },
        { apply: 'pay' },
      ],
      expect: {
        ending: 'paid-and-leaked',
        outcome: 'failure',
        milestones: ['started', 'firstPage', 'detected', 'ended'],
        detectedAt: 10,
        resolvedAt: null,
      },
    },
    {
      name: 'estate-lost',
      seed: 'golden-ransom-4',
      moves: [
        { apply: 'restart-server' },
        { apply: 'scope-first' },
        { apply: 'trace-exfil', physical: 15 },
        { apply: 'call-insurer-first' },
      ],
      expect: {
        ending: 'estate-lost',
        outcome: 'failure',
        milestones: ['started', 'firstPage', 'detected', 'ended'],
        detectedAt: 40,
        resolvedAt: null,
      },
    },
  ],
};
