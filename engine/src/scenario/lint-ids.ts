import { formatPath } from './path.ts';
import type { Reporter } from './reporter.ts';
import { injects, type Path } from './scenario-parts.ts';
import type { Scenario } from './schema.ts';
import { FORBIDDEN_KEYS } from './yaml-data.ts';

interface Declared {
  id: string;
  /** Path of the id's value. */
  path: Path;
}

/** `scenes[0]` for a scene's id, `flags[2]` for a flag. */
const owner = (path: Path): string => formatPath(path[path.length - 1] === 'id' ? path.slice(0, -1) : path);

/** One namespace: the first declaration of each id wins, later ones are reported (CQ2001). */
function unique(declared: readonly Declared[], report: Reporter, what: string, note = ''): void {
  const first = new Map<string, Path>();
  for (const { id, path } of declared) {
    const earlier = first.get(id);
    if (earlier)
      report.at(
        'CQ2001',
        path,
        `'${id}' is already the id of ${owner(earlier)}; ${what} ids must be unique${note}. Rename one of them.`,
      );
    else first.set(id, path);
  }
}

const listed = (items: readonly { id: string }[] | undefined, base: Path): Declared[] =>
  (items ?? []).map((item, i) => ({ id: item.id, path: [...base, i, 'id'] }));

/** Ids become keys of session state (flags, health, players' roles), so built-in names are refused. */
function reserved(all: readonly Declared[], report: Reporter): void {
  for (const { id, path } of all) {
    if (FORBIDDEN_KEYS.has(id))
      report.at('CQ1006', path, `'${id}' cannot be an id: it names a JavaScript built-in. Rename it.`);
  }
}

/** CQ2001 (duplicate ids, per namespace) and CQ1006 (ids that name JavaScript built-ins). */
export function lintIds(scenario: Scenario, report: Reporter): void {
  const story = [...listed(scenario.scenes, ['scenes']), ...listed(scenario.endings, ['endings'])];
  const roles = listed(scenario.roles, ['roles']);
  const components = listed(scenario.system.components, ['system', 'components']);
  const flags = scenario.flags.map((id, i) => ({ id, path: ['flags', i] }));
  const allInjects = [...injects(scenario)].map(({ value, path }) => ({ id: value.id, path: [...path, 'id'] }));
  unique(story, report, 'scene and ending', ' (they share one namespace, since a goto may name either)');
  unique(roles, report, 'role');
  unique(components, report, 'component');
  unique(flags, report, 'flag');
  unique(allInjects, report, 'inject', ' across the whole file');
  const allChoices: Declared[] = [];
  for (const [i, scene] of scenario.scenes.entries()) {
    const inScene = listed(scene.choices, ['scenes', i, 'choices']);
    unique(inScene, report, 'choice', ` within scene '${scene.id}'`);
    allChoices.push(...inScene);
  }
  reserved(
    [{ id: scenario.id, path: ['id'] }, ...story, ...roles, ...components, ...flags, ...allInjects, ...allChoices],
    report,
  );
}
