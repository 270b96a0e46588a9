import type { Reporter } from './reporter.ts';
import type { Scenario } from './schema.ts';

const UNSEEN = 0;
const OPEN = 1;
const DONE = 2;

/**
 * CQ2015: a dependency cycle in the system diagram, reported once per edge that closes one.
 * Depth-first with an explicit stack, so a long dependency chain never deepens the call stack.
 * Unknown components are CQ2004's business and are skipped here.
 */
export function lintDependencies(scenario: Scenario, report: Reporter): void {
  const components = scenario.system.components;
  const index = new Map(components.map((c, i) => [c.id, i]));
  const state = components.map(() => UNSEEN);
  for (let root = 0; root < components.length; root++) {
    if (state[root] !== UNSEEN) continue;
    const stack: [node: number, next: number][] = [[root, 0]];
    state[root] = OPEN;
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [number, number];
      const [node, next] = top;
      const deps = components[node]?.depends_on ?? [];
      if (next >= deps.length) {
        state[node] = DONE;
        stack.pop();
        continue;
      }
      top[1] = next + 1;
      const target = index.get(deps[next] as string);
      if (target === undefined) continue;
      if (state[target] === UNSEEN) {
        state[target] = OPEN;
        stack.push([target, 0]);
      } else if (state[target] === OPEN) {
        const loop = stack.slice(stack.findIndex(([n]) => n === target)).map(([n]) => `'${components[n]?.id}'`);
        report.at(
          'CQ2015',
          ['system', 'components', node, 'depends_on', next],
          `${[...loop, `'${components[target]?.id}'`].join(' → ')} is a dependency cycle; check which way each dependency points, since a diagram with a cycle has no root cause to find.`,
        );
      }
    }
  }
}
