import { conditionLeaves, conditions } from '../scenario/scenario-parts.ts';
import type { Scenario } from '../scenario/schema.ts';

/** Beyond this many combinations the explorer tries each value once, the others at their defaults. */
const MAX_COMBINATIONS = 32;

/** Parameters some guard reads: a `when` of a choice, an ending, an inject or a deadline, not only a check's modifier. */
function guardParameters(scenario: Scenario): Set<string> {
  const read = new Set<string>();
  for (const located of conditions(scenario)) {
    if (located.path.includes('modifiers')) continue;
    for (const leaf of conditionLeaves(located)) if (leaf.kind === 'parameter') read.add(leaf.name);
  }
  return read;
}

/**
 * The session parameters the explorer starts from: null for a scenario without parameters; else
 * every combination of the values of the parameters some guard reads (`all: true`: of every
 * parameter), or, past MAX_COMBINATIONS, each value of each parameter with the others at their
 * defaults (the first option). A parameter only a check's modifier reads opens and closes nothing,
 * so it stays at its default; the odds check tries its every value. Defaults come first. Pure.
 */
export function parameterRoots(scenario: Scenario, all = false): (Record<string, string> | null)[] {
  const read = all ? null : guardParameters(scenario);
  const defaults = Object.fromEntries((scenario.parameters ?? []).map((p) => [p.id, p.options[0] as string]));
  const parameters = (scenario.parameters ?? []).filter((p) => read === null || read.has(p.id));
  if (parameters.length === 0) return scenario.parameters?.length ? [defaults] : [null];
  const count = parameters.reduce((n, p) => n * p.options.length, 1);
  if (count > MAX_COMBINATIONS) {
    const roots = [defaults];
    for (const p of parameters) for (const option of p.options.slice(1)) roots.push({ ...defaults, [p.id]: option });
    return roots;
  }
  let roots: Record<string, string>[] = [defaults];
  for (const p of parameters) roots = roots.flatMap((r) => p.options.map((o) => ({ ...r, [p.id]: o })));
  return roots;
}
