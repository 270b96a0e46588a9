import type { Reporter } from '../scenario/reporter.ts';
import type { Scenario } from '../scenario/schema.ts';
import { didYouMean } from '../scenario/did-you-mean.ts';
import { controlProblem } from './controls.ts';

/**
 * CQ2005, CQ2035 and CQ2036 for `objectives` and `controls`: an objective's or a critical task's id
 * used twice, a task check on an undeclared flag, and a control tag that names no known framework
 * (or, for PCI 12.10.1, no element of it). Pure.
 */
export function lintObjectives(scenario: Scenario, report: Reporter): void {
  const flags = new Set(scenario.flags);
  const objectives = new Set<string>();
  (scenario.objectives ?? []).forEach((objective, i) => {
    const path = ['objectives', i];
    if (objectives.has(objective.id))
      report.at('CQ2035', [...path, 'id'], `the objective id '${objective.id}' is used twice; give each its own id.`);
    objectives.add(objective.id);
    const tasks = new Set<string>();
    objective.critical_tasks.forEach((task, k) => {
      const at = [...path, 'critical_tasks', k];
      if (tasks.has(task.id))
        report.at('CQ2035', [...at, 'id'], `the critical task id '${task.id}' is used twice in this objective.`);
      tasks.add(task.id);
      if (task.check && 'flag' in task.check && !flags.has(task.check.flag))
        report.at(
          'CQ2005',
          [...at, 'check', 'flag'],
          `the flag '${task.check.flag}' is not declared in \`flags\`.${didYouMean(task.check.flag, flags)}`,
        );
    });
    (objective.controls ?? []).forEach((tag, k) => lintControl(report, [...path, 'controls', k], tag));
  });
  (scenario.controls ?? []).forEach((tag, k) => lintControl(report, ['controls', k], tag));
}

function lintControl(report: Reporter, path: (string | number)[], tag: string): void {
  const problem = controlProblem(tag);
  if (problem) report.at('CQ2036', path, problem);
}
