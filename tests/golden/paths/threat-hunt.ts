import type { ScenarioPaths } from '../golden-path.ts';

export const threatHunt: ScenarioPaths = {
  scenario: 'threat-hunt',
  paths: [
    {
      name: 'evicted',
      seed: 'golden-hunt-1',
      // The chain is pinned; every roll gets +3 for practised procedures.
      parameters: { practised: 'yes', chain: 'cleaned-host' },
      moves: [
        { apply: 'start-hunt' },
        // A natural 20 draws a boon: with this seed, shared indicators (+2 on every later roll).
        { apply: 'siem-review', physical: 20, by: 'analyst' },
        { apply: 'back-from-entry' },
        // 4 + 3 + 2 − 3 (the dealt chain hid this stage) = 6 against 12: closed for three turns.
        { apply: 'memory-capture', physical: 4, by: 'responder' },
        { apply: 'dns-hunt', physical: 8, by: 'analyst' },
        { apply: 'back-from-c2' },
        { apply: 'scheduled-tasks', physical: 11, by: 'responder' },
        { apply: 'back-from-persistence' },
        { apply: 'wait-turn' },
        // Memory capture failed at 11:00 and stays closed for three hours, until 14:00.
        { apply: 'memory-capture', physical: 10, by: 'responder' },
        { apply: 'back-from-pivot' },
        { apply: 'evict', by: 'lead' },
        { apply: 'clean-sweep', physical: 6 },
      ],
      expect: {
        ending: 'evicted',
        outcome: 'success',
        milestones: ['started', 'firstPage', 'detected', 'resolved', 'ended'],
        detectedAt: 0,
        resolvedAt: 450,
      },
    },
    {
      name: 'partly-evicted',
      seed: 'golden-hunt-2',
      parameters: { chain: 'hidden-task' },
      moves: [
        { apply: 'start-hunt' },
        { apply: 'siem-review', physical: 12 },
        { apply: 'back-from-entry' },
        { apply: 'dns-hunt', physical: 15 },
        { apply: 'back-from-c2' },
        { apply: 'evict-partial', by: 'lead' },
        { apply: 'partial-close' },
      ],
      expect: {
        ending: 'partly-evicted',
        outcome: 'partial',
        milestones: ['started', 'firstPage', 'detected', 'mitigated', 'ended'],
        detectedAt: 0,
        resolvedAt: null,
      },
    },
    {
      name: 'out-of-turns',
      seed: 'golden-hunt-3',
      parameters: { chain: 'slow-beacon' },
      moves: [
        { apply: 'start-hunt' },
        // A natural 1 draws a complication: with this seed, the endpoint agent falls over and costs a turn.
        { apply: 'siem-review', physical: 1 },
        { apply: 'memory-capture', physical: 5 },
        { apply: 'dns-hunt', physical: 3 },
        { apply: 'scheduled-tasks', physical: 2 },
        { apply: 'wait-turn' },
        { apply: 'wait-turn' },
        { apply: 'siem-review', physical: 9 },
        { apply: 'memory-capture', physical: 7 },
        { apply: 'dns-hunt', physical: 2 },
      ],
      expect: {
        ending: 'out-of-turns',
        outcome: 'failure',
        milestones: ['started', 'firstPage', 'detected', 'ended'],
        detectedAt: 0,
        resolvedAt: null,
      },
    },
  ],
};
