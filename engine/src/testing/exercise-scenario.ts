import type { Actor } from '../protocol/commands.ts';
import { asEvaluatorId } from '../protocol/ids.ts';
import type { Scenario } from '../scenario/schema.ts';
import { exampleScenario } from './example-scenario.ts';

export const evaluator = (evaluatorId: string): Actor => ({
  kind: 'evaluator',
  evaluatorId: asEvaluatorId(evaluatorId),
});

/** The example scenario with two exercise objectives (one checked by a flag, one by a milestone) and control tags. */
export function exerciseScenario(): Scenario {
  return {
    ...exampleScenario(),
    controls: ['pci-12.10.1:procedures', 'soc2:CC7.4'],
    objectives: [
      {
        id: 'detect',
        title: 'Detect the fault within 15 minutes',
        capability: 'Situational assessment',
        controls: ['soc2:CC7.3'],
        critical_tasks: [
          { id: 'declare', text: 'Reach detection by minute 15', check: { milestone: 'detected', before: 15 } },
          { id: 'page-answered', text: 'Answer the page' },
        ],
      },
      {
        id: 'restore',
        title: 'Restore the resolver',
        capability: 'Infrastructure systems',
        controls: ['pci-12.10.1:business-recovery'],
        critical_tasks: [{ id: 'rollback', text: 'Roll back the DNS change', check: { flag: 'rolled_back' } }],
      },
    ],
  };
}
