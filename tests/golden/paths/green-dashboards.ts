import type { ScenarioPaths } from '../golden-path.ts';

export const greenDashboards: ScenarioPaths = {
  scenario: 'green-dashboards',
  paths: [
    {
      name: 'honest-dashboards',
      seed: 'blind-1',
      moves: [
        { ack: 'support-page', by: 'ic' },
        { apply: 'ask-for-raw' },
        { apply: 'try-status-tool' },
        { apply: 'cdn-banner', by: 'ic' },
        { apply: 'open-stream' },
        { apply: 'remove-capacity', physical: 9 },
        { apply: 'batch-restart', physical: 8 },
        { apply: 'fix-alarms' },
      ],
      expect: {
        ending: 'honest-dashboards',
        outcome: 'success',
        milestones: ['started', 'firstPage', 'acknowledged', 'detected', 'mitigated', 'resolved', 'ended'],
        detectedAt: 5,
        resolvedAt: 88,
      },
    },
    {
      name: 'still-blind',
      seed: 'blind-2',
      moves: [
        { apply: 'check-dashboards' },
        { apply: 'question-lines' },
        { apply: 'open-stream' },
        { apply: 'remove-capacity', physical: 12 },
        { apply: 'batch-restart', physical: 4 },
        { apply: 'batch-restart', physical: 10 },
        { apply: 'close-now' },
      ],
      expect: {
        ending: 'still-blind',
        outcome: 'partial',
        milestones: ['started', 'firstPage', 'detected', 'mitigated', 'resolved', 'ended'],
        detectedAt: 8,
        resolvedAt: 138,
      },
    },
    {
      name: 'blind-morning',
      seed: 'blind-3',
      moves: [{ apply: 'check-dashboards' }, { apply: 'reply-known-good' }, { apply: 'wait-for-alarm' }],
      expect: {
        ending: 'blind-morning',
        outcome: 'failure',
        milestones: ['started', 'firstPage', 'ended'],
        detectedAt: null,
        resolvedAt: null,
      },
    },
  ],
};
