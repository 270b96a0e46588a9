import type { Reporter } from './reporter.ts';
import { injects } from './scenario-parts.ts';
import type { Scenario } from './schema.ts';

/** CQ2013: injects and the fault's onset happen within the timebox, or no session ever sees them. */
function withinTimebox(scenario: Scenario, report: Reporter): void {
  const timebox = scenario.clock.timebox;
  for (const { value, path } of injects(scenario)) {
    if (value.at !== undefined && value.at > timebox) {
      report.at(
        'CQ2013',
        [...path, 'at'],
        `the inject '${value.id}' fires at minute ${value.at}, after the ${timebox}-minute timebox, so no session sees it. Use an \`at\` from 0 to ${timebox}.`,
      );
    }
  }
  if (scenario.fault.starts_at > timebox) {
    report.at(
      'CQ2013',
      ['fault', 'starts_at'],
      `the fault starts at minute ${scenario.fault.starts_at}, after the ${timebox}-minute timebox, so it never starts. Start it within the timebox.`,
    );
  }
}

/** CQ2016: the escalation path climbs: levels strictly increase and nobody is paged before the level below. */
function escalationOrder(scenario: Scenario, report: Reporter): void {
  scenario.escalation.forEach((step, i) => {
    const previous = scenario.escalation[i - 1];
    if (!previous) return;
    if (step.level <= previous.level) {
      report.at(
        'CQ2016',
        ['escalation', i, 'level'],
        `level ${step.level} follows level ${previous.level}; list escalation levels in increasing order (1, 2, 3…).`,
      );
    } else if (step.after < previous.after) {
      report.at(
        'CQ2016',
        ['escalation', i, 'after'],
        `level ${step.level} is reached after ${step.after} min, before level ${previous.level} (${previous.after} min); each level's \`after\` must be at least the previous one's.`,
      );
    }
  });
}

/** CQ2013 and CQ2016: when things happen. */
export function lintTiming(scenario: Scenario, report: Reporter): void {
  withinTimebox(scenario, report);
  escalationOrder(scenario, report);
}
