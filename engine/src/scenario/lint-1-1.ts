import { didYouMean } from './did-you-mean.ts';
import type { Reporter } from './reporter.ts';
import { choices, conditionLeaves, conditions, effects, injects, type Path } from './scenario-parts.ts';
import type { Scenario } from './schema.ts';

/** The names format 1.1 adds (counters, deadlines, parameters, modules) checked where they are used. */

type Code = 'CQ2003' | 'CQ2101' | 'CQ2102' | 'CQ2103' | 'CQ2104';

/** Reports `name` at `path` unless it is known, with the nearest known name or the list of them. */
function unknown(report: Reporter, code: Code, path: Path, name: string, message: string, known: ReadonlySet<string>) {
  if (known.has(name)) return;
  const list = known.size === 0 ? ' None are declared.' : ` Declared: ${[...known].slice(0, 12).join(', ')}.`;
  report.at(code, path, `${message}.${didYouMean(name, known) || list}`);
}

function counterRefs(scenario: Scenario, report: Reporter): void {
  const known = new Set(Object.keys(scenario.counters ?? {}));
  const missing = (name: string, path: Path) =>
    unknown(report, 'CQ2101', path, name, `the counter '${name}' is not declared; add it to \`counters\``, known);
  for (const { value, path } of effects(scenario)) {
    for (const key of ['add', 'assign'] as const)
      for (const name of Object.keys(value[key] ?? {})) missing(name, [...path, key, name]);
  }
  for (const condition of conditions(scenario)) {
    for (const leaf of conditionLeaves(condition)) {
      if (leaf.kind !== 'counter') continue;
      missing(leaf.name, leaf.path);
      if (!leaf.bounded)
        report.at(
          'CQ2105',
          leaf.path.slice(0, -1),
          `a counter condition compares: add \`at_least\` or \`at_most\` (for example \`{ counter: ${leaf.name}, at_least: 3 }\`).`,
        );
    }
  }
}

function deadlineAndParameterRefs(scenario: Scenario, report: Reporter): void {
  const deadlines = new Set((scenario.deadlines ?? []).map((d) => d.id));
  const parameters = new Map((scenario.parameters ?? []).map((p) => [p.id, p.options]));
  for (const condition of conditions(scenario)) {
    for (const leaf of conditionLeaves(condition)) {
      if (leaf.kind === 'deadline')
        unknown(report, 'CQ2102', leaf.path, leaf.name, `there is no deadline '${leaf.name}'`, deadlines);
      if (leaf.kind !== 'parameter') continue;
      const options = parameters.get(leaf.name);
      if (!options)
        unknown(
          report,
          'CQ2104',
          leaf.path,
          leaf.name,
          `there is no parameter '${leaf.name}'`,
          new Set(parameters.keys()),
        );
      else if (!options.includes(leaf.value))
        report.at(
          'CQ2104',
          [...leaf.path.slice(0, -1), 'is'],
          `'${leaf.value}' is not an option of the parameter '${leaf.name}'; its options are ${options.join(', ')}.`,
        );
    }
  }
}

/** Each scene belongs to one module at most, and a module names scenes that exist. */
function moduleScenes(scenario: Scenario, report: Reporter): void {
  const scenes = new Set(scenario.scenes.map((s) => s.id));
  const owner = new Map<string, string>();
  for (const [i, module] of (scenario.modules ?? []).entries()) {
    for (const [k, scene] of module.scenes.entries()) {
      const path = ['modules', i, 'scenes', k];
      const earlier = owner.get(scene);
      if (!scenes.has(scene)) unknown(report, 'CQ2103', path, scene, `there is no scene '${scene}'`, scenes);
      else if (earlier)
        report.at(
          'CQ2103',
          path,
          `the scene '${scene}' is already in the module '${earlier}'; a scene belongs to one module.`,
        );
      else owner.set(scene, module.id);
    }
  }
}

/** What a 1.1 part needs to mean something: a cooldown's length, an inject's one timing. */
function completeness(scenario: Scenario, report: Reporter): void {
  for (const { value, path } of choices(scenario)) {
    const cooldown = value.cooldown;
    if (cooldown && (cooldown.choices === undefined) === (cooldown.minutes === undefined))
      report.at(
        'CQ2105',
        [...path, 'cooldown'],
        'a cooldown lasts either `choices: N` (turns) or `minutes: N`; give exactly one.',
      );
    if (cooldown?.after === 'failure' && !value.check)
      report.at(
        'CQ2105',
        [...path, 'cooldown'],
        'this choice has no check to fail; write `after: any` to close it after each use.',
      );
  }
  for (const { value, path } of injects(scenario)) {
    if (value.at !== undefined && value.after !== undefined)
      report.at(
        'CQ2105',
        [...path, 'after'],
        'an inject is timed by `at` (a game minute) or `after` (minutes after entering its scene or module), not both.',
        'key',
      );
    if (value.after !== undefined && path[0] === 'injects')
      report.at(
        'CQ2105',
        [...path, 'after'],
        '`after` counts from entering a scene or a module; a scenario-wide inject uses `at`.',
        'key',
      );
    if (value.expires !== undefined && value.at === undefined && value.after === undefined)
      report.at(
        'CQ2105',
        [...path, 'expires'],
        '`expires` counts from when the inject falls due; give it `at` or `after`.',
        'key',
      );
  }
}

/** Who decides, who rolls, whose secret is revealed: roles the scenario declares. */
function roleRefs(scenario: Scenario, report: Reporter): void {
  const roles = new Set(scenario.roles.map((r) => r.id));
  const missing = (role: string, path: Path) =>
    unknown(report, 'CQ2003', path, role, `there is no role '${role}'`, roles);
  for (const { value, path } of choices(scenario)) {
    if (value.decided_by) missing(value.decided_by, [...path, 'decided_by']);
    if (value.check?.rolled_by) missing(value.check.rolled_by, [...path, 'check', 'rolled_by']);
  }
  for (const { value, path } of effects(scenario))
    (value.reveal_secrets ?? []).forEach((role, k) => missing(role, [...path, 'reveal_secrets', k]));
}

/** A global action's id must not also be a scene's choice id: votes and decisions name choices by id. */
function actionIds(scenario: Scenario, report: Reporter): void {
  const sceneChoices = new Set(scenario.scenes.flatMap((s) => (s.choices ?? []).map((c) => c.id)));
  const seen = new Set<string>();
  for (const [i, action] of (scenario.actions ?? []).entries()) {
    if (sceneChoices.has(action.id) || seen.has(action.id))
      report.at(
        'CQ2106',
        ['actions', i, 'id'],
        `'${action.id}' is already a choice's id; an action open in every scene needs an id of its own.`,
      );
    seen.add(action.id);
  }
}

/** CQ2101–CQ2106: the references and the completeness of what format 1.1 adds. Pure. */
export function lintFormat1_1(scenario: Scenario, report: Reporter): void {
  counterRefs(scenario, report);
  deadlineAndParameterRefs(scenario, report);
  moduleScenes(scenario, report);
  completeness(scenario, report);
  actionIds(scenario, report);
  roleRefs(scenario, report);
}
