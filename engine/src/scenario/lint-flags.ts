import type { Reporter } from './reporter.ts';
import { conditionLeaves, conditions, effects } from './scenario-parts.ts';
import type { Scenario } from './schema.ts';

/** CQ2029 and CQ2030: every declared flag is set somewhere and read somewhere, or it does nothing. */
export function lintFlags(scenario: Scenario, report: Reporter): void {
  const set = new Set<string>();
  for (const { value } of effects(scenario)) for (const flag of value.set ?? []) set.add(flag);
  const read = new Set<string>();
  for (const located of conditions(scenario))
    for (const leaf of conditionLeaves(located)) if (leaf.kind === 'flag') read.add(leaf.name);
  scenario.flags.forEach((flag, i) => {
    if (!set.has(flag))
      report.at(
        'CQ2029',
        ['flags', i],
        `the flag '${flag}' is never set, so every condition on it reads false; add \`set: [${flag}]\` to the choice or outcome that makes it true, or remove it.`,
      );
    else if (!read.has(flag))
      report.at(
        'CQ2030',
        ['flags', i],
        `the flag '${flag}' is set but no condition reads it; use it in a \`when\` (a choice, a modifier or an ending), or remove it.`,
      );
  });
}
