import type { z } from 'zod';
import { isMapping, valueAt } from './schema-issues.ts';
import { scenarioSchema, type Scenario } from './schema.ts';

type Issue = z.core.$ZodIssue;

/** Stand-ins for top-level values no name check reads, so one bad title does not hide a bad goto. */
const STAND_INS: Record<string, unknown> = {
  format: 'chaos-quest/1',
  id: 'salvaged',
  title: '-',
  summary: '-',
  difficulty: 'intro',
  duration: 30,
  services: ['salvaged'],
  tags: [],
  clock: { start: '00:00', timebox: 60 },
};

/** Enough rounds for a mistake nested in a mistake; each round is one schema parse. */
const MAX_ROUNDS = 8;

/** A deep copy of plain YAML data (nesting is capped at 64 levels before this runs). */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (isMapping(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
  return value;
}

/** Removes what one issue objects to without moving anything else; false when it cannot. */
function mend(root: Record<string, unknown>, issue: Issue): boolean {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys') {
    const { value: mapping } = valueAt(root, path);
    if (!isMapping(mapping)) return false;
    for (const key of issue.keys) delete mapping[key];
    return true;
  }
  const [top] = path;
  if (path.length === 1 && typeof top === 'string' && Object.hasOwn(STAND_INS, top)) {
    root[top] = copy(STAND_INS[top]);
    return true;
  }
  // A list item cannot go without renumbering the ones after it, and a message names them by index.
  const last = path[path.length - 1];
  const { value: parent } = valueAt(root, path.slice(0, -1));
  if (typeof last !== 'string' || !isMapping(parent) || !Object.hasOwn(parent, last)) return false;
  delete parent[last];
  return true;
}

/**
 * The scenario a file with schema errors would be without the values those errors are about, for
 * the checks of names (goto, role, flag, component, scene) to run on. Removes unknown keys and bad
 * optional values and stands in for bad top-level details; every other value keeps its path, so a
 * diagnostic found here points at the author's text. Null when what is wrong cannot be set aside
 * (a required key inside a list item, a bad item in a list). Pure.
 */
export function salvage(data: unknown, issues: readonly Issue[]): Scenario | null {
  if (!isMapping(data)) return null;
  const mended = copy(data) as Record<string, unknown>;
  let open = issues;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (const issue of open) if (!mend(mended, issue)) return null;
    const parsed = scenarioSchema.safeParse(mended);
    if (parsed.success) return parsed.data;
    open = parsed.error.issues;
  }
  return null;
}
