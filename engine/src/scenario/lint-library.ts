import type { Reporter } from './reporter.ts';
import { choices, injects, type Path } from './scenario-parts.ts';
import type { Scenario } from './schema.ts';

/**
 * What the shipped library asks of every scenario, so that a table always has people with
 * something to hide, a story with forks and dice, something arriving unasked, a system to reason
 * about and somewhere to escalate.
 */
export const LIBRARY_MINIMUMS = {
  roles: 3,
  scenes: 8,
  checks: 2,
  timedInjects: 1,
  pages: 1,
  components: 3,
  escalationLevels: 2,
} as const;

const OUTCOMES = ['success', 'partial', 'failure'] as const;

/** A debrief that asks who did it looks for someone to blame, not at the system that let it happen. */
const ASKS_WHO = /\bwho\b/i;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function atLeast(report: Reporter, path: Path, have: number, min: number, noun: string, why: string): void {
  if (have < min)
    report.at('CQ2040', path, `a shipped scenario has at least ${plural(min, noun)} (${why}); this one has ${have}.`);
}

/** Each prompt of an ending's debrief, with its path (a debrief may be one prompt or a list). */
function prompts(scenario: Scenario): { text: string; path: Path }[] {
  return scenario.endings.flatMap((ending, i) => {
    const { debrief } = ending;
    if (debrief === undefined) return [];
    if (typeof debrief === 'string') return [{ text: debrief, path: ['endings', i, 'debrief'] }];
    return debrief.map((text, k) => ({ text, path: ['endings', i, 'debrief', k] }));
  });
}

/**
 * CQ2040 and CQ2041: the library's own rules, as warnings an author sees before proposing a
 * scenario for `scenarios/` (`validate --library`). The golden suite holds every shipped file to them.
 */
export function lintLibrary(scenario: Scenario, report: Reporter): void {
  const m = LIBRARY_MINIMUMS;
  const allInjects = [...injects(scenario)].map((i) => i.value);
  const checks = [...choices(scenario)].filter((c) => c.value.check !== undefined).length;
  atLeast(
    report,
    ['roles'],
    scenario.roles.length,
    m.roles,
    'role',
    'a table of one or two has no one to disagree with',
  );
  atLeast(report, ['scenes'], scenario.scenes.length, m.scenes, 'scene', 'room for a wrong turn and a way back');
  atLeast(report, ['scenes'], checks, m.checks, 'check', 'dice the table cannot plan around');
  atLeast(
    report,
    ['injects'],
    allInjects.filter((i) => i.at !== undefined).length,
    m.timedInjects,
    'timed inject',
    'news that arrives whatever the table does',
  );
  atLeast(report, ['injects'], allInjects.filter((i) => i.page).length, m.pages, 'page', 'someone to acknowledge it');
  atLeast(
    report,
    ['system', 'components'],
    scenario.system.components.length,
    m.components,
    'component',
    'a system to reason about',
  );
  atLeast(
    report,
    ['escalation'],
    scenario.escalation.length,
    m.escalationLevels,
    'escalation level',
    'somewhere to escalate to',
  );
  if (!scenario.roles.some((r) => r.can_apply_choices))
    report.at(
      'CQ2040',
      ['roles'],
      'no role has `can_apply_choices: true`; a shipped scenario lets a player, not only the facilitator, commit the table.',
    );
  scenario.roles.forEach((role, i) => {
    if ((role.secrets ?? []).length === 0)
      report.at(
        'CQ2040',
        ['roles', i],
        `role '${role.id}' has no secrets; in a shipped scenario every role knows something the others do not.`,
      );
  });
  const outcomes = new Set(scenario.endings.map((e) => e.outcome));
  const lacking = OUTCOMES.filter((o) => !outcomes.has(o));
  if (lacking.length > 0)
    report.at(
      'CQ2040',
      ['endings'],
      `a shipped scenario has a success, a partial and a failure ending; add ${lacking.map((o) => `a ${o}`).join(' and ')} ending.`,
    );
  scenario.scenes.forEach((scene, i) => {
    if (scene.facilitator_notes === undefined)
      report.at(
        'CQ2040',
        ['scenes', i],
        `scene '${scene.id}' has no facilitator_notes; a facilitator running a shipped scenario needs them in every scene.`,
      );
  });
  scenario.endings.forEach((ending, i) => {
    if (ending.debrief === undefined)
      report.at(
        'CQ2040',
        ['endings', i],
        `ending '${ending.id}' has no debrief; a shipped scenario gives every ending questions for the debrief.`,
      );
  });
  for (const { text, path } of prompts(scenario)) {
    if (ASKS_WHO.test(text))
      report.at(
        'CQ2041',
        path,
        'this prompt asks "who"; a blameless debrief asks what happened and what let it happen. Ask about the system, the signals and the process instead.',
      );
  }
}
