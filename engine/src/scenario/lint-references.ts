import type { DiagnosticCode } from './codes.ts';
import { didYouMean } from './did-you-mean.ts';
import type { Anchor, Reporter } from './reporter.ts';
import { choices, conditionLeaves, conditions, effects, injects, targetsOf, type Path } from './scenario-parts.ts';
import type { Scenario } from './schema.ts';

/** What the author can name, by kind. */
interface Names {
  story: Set<string>;
  scenes: Set<string>;
  roles: Set<string>;
  components: Set<string>;
  flags: Set<string>;
}

/** "Did you mean …?" when something is close, else the list to choose from (cut short when long). */
function hint(name: string, known: ReadonlySet<string>, noun: string): string {
  const typo = didYouMean(name, known);
  if (typo) return typo;
  if (known.size === 0) return ` There are no ${noun} yet.`;
  const all = [...known];
  return ` Known ${noun}: ${all.slice(0, 12).join(', ')}${all.length > 12 ? ', …' : ''}.`;
}

function check(
  report: Reporter,
  code: DiagnosticCode,
  known: ReadonlySet<string>,
  name: string,
  path: Path,
  message: string,
  noun: string,
  anchor: Anchor = 'value',
): void {
  if (!known.has(name)) report.at(code, path, `${message}.${hint(name, known, noun)}`, anchor);
}

function gotos(scenario: Scenario, names: Names, report: Reporter): void {
  for (const { value: choice, path } of choices(scenario)) {
    for (const target of targetsOf(choice)) {
      check(
        report,
        'CQ2002',
        names.story,
        target.goto,
        [...path, ...target.path],
        `there is no scene '${target.goto}'`,
        'scenes and endings',
      );
    }
  }
}

function roleRefs(scenario: Scenario, names: Names, report: Reporter): void {
  const missing = (role: string, path: Path) =>
    check(report, 'CQ2003', names.roles, role, path, `there is no role '${role}'`, 'roles');
  for (const { value, path } of injects(scenario))
    (value.to ?? []).forEach((role, k) => missing(role, [...path, 'to', k]));
  for (const { value: choice, path } of choices(scenario)) {
    (choice.check?.modifiers ?? []).forEach(
      (m, k) => m.role !== undefined && missing(m.role, [...path, 'check', 'modifiers', k, 'role']),
    );
  }
}

function componentRefs(scenario: Scenario, names: Names, report: Reporter): void {
  const missing = (id: string, path: Path, anchor: Anchor = 'value') =>
    check(
      report,
      'CQ2004',
      names.components,
      id,
      path,
      `there is no component '${id}' in system.components`,
      'components',
      anchor,
    );
  scenario.system.components.forEach((c, i) =>
    (c.depends_on ?? []).forEach((d, k) => missing(d, ['system', 'components', i, 'depends_on', k])),
  );
  scenario.fault.affects.forEach((id, k) => missing(id, ['fault', 'affects', k]));
  scenario.scenes.forEach((scene, i) =>
    Object.keys(scene.health ?? {}).forEach((id) => missing(id, ['scenes', i, 'health', id], 'key')),
  );
  for (const { value, path } of effects(scenario))
    Object.keys(value.health ?? {}).forEach((id) => missing(id, [...path, 'health', id], 'key'));
}

function flagRefs(scenario: Scenario, names: Names, report: Reporter): void {
  const missing = (flag: string, path: Path) =>
    check(
      report,
      'CQ2005',
      names.flags,
      flag,
      path,
      `the flag '${flag}' is not declared; add it to \`flags\``,
      'flags',
    );
  for (const { value, path } of effects(scenario)) {
    (value.set ?? []).forEach((f, k) => missing(f, [...path, 'set', k]));
    (value.clear ?? []).forEach((f, k) => missing(f, [...path, 'clear', k]));
  }
}

function conditionRefs(scenario: Scenario, names: Names, report: Reporter): void {
  for (const condition of conditions(scenario)) {
    for (const leaf of conditionLeaves(condition)) {
      if (leaf.kind === 'flag')
        check(
          report,
          'CQ2005',
          names.flags,
          leaf.name,
          leaf.path,
          `the flag '${leaf.name}' is not declared; add it to \`flags\``,
          'flags',
        );
      else if (leaf.kind === 'role_present')
        check(report, 'CQ2003', names.roles, leaf.name, leaf.path, `there is no role '${leaf.name}'`, 'roles');
      else if (leaf.kind === 'visited')
        check(
          report,
          'CQ2006',
          names.scenes,
          leaf.name,
          leaf.path,
          `there is no scene '${leaf.name}' to have visited`,
          'scenes',
        );
    }
  }
}

function start(scenario: Scenario, names: Names, report: Reporter): void {
  if (names.scenes.has(scenario.start)) return;
  if (names.story.has(scenario.start))
    report.at('CQ2006', ['start'], `'${scenario.start}' is an ending; \`start\` names the scene the story opens with.`);
  else
    check(
      report,
      'CQ2006',
      names.scenes,
      scenario.start,
      ['start'],
      `there is no scene '${scenario.start}' to start in`,
      'scenes',
    );
}

/** CQ2002–CQ2006: every goto, role, component, flag and scene a scenario names is declared. */
export function lintReferences(scenario: Scenario, report: Reporter): void {
  const names: Names = {
    story: new Set([...scenario.scenes, ...scenario.endings].map((x) => x.id)),
    scenes: new Set(scenario.scenes.map((s) => s.id)),
    roles: new Set(scenario.roles.map((r) => r.id)),
    components: new Set(scenario.system.components.map((c) => c.id)),
    flags: new Set(scenario.flags),
  };
  gotos(scenario, names, report);
  roleRefs(scenario, names, report);
  componentRefs(scenario, names, report);
  flagRefs(scenario, names, report);
  conditionRefs(scenario, names, report);
  start(scenario, names, report);
}
