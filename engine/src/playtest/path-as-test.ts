import { Document, isMap, isSeq } from 'yaml';
import { scenarioTestSchema, type Expectation, type ScenarioTest, type TestStep } from '../scenario/tests-schema.ts';
import { sceneOf } from '../session/phase.ts';
import type { SessionState } from '../session/state.ts';
import { reachedMilestones } from './expectation.ts';

/** A playtest path written as a `tests:` entry: the object, and its YAML as one item of that list. */
export type PathTest = { ok: true; test: ScenarioTest; yaml: string } | { ok: false; message: string };

/**
 * The `tests:` entry that replays `steps` from `state`'s seed and expects what `state` (the state the
 * path ends in) has reached: its ending and outcome, or the scene it is in while the game runs, and
 * exactly its milestones. `runScenarioTest` passes on it. Pure; a name or path the tests schema
 * refuses is returned as a message.
 */
export function pathAsTest(
  name: string,
  steps: readonly TestStep[],
  state: SessionState,
  options: { parameters?: Record<string, string>; seats?: readonly string[] } = {},
): PathTest {
  const { context } = state.game;
  const scene = sceneOf(state);
  const expect: Expectation = {
    ...(context.ending ? { ending: context.ending } : {}),
    ...(context.outcome ? { outcome: context.outcome } : {}),
    ...(!context.ending && !context.outcome && scene ? { scene } : {}),
    milestones: reachedMilestones(state),
  };
  const parsed = scenarioTestSchema.safeParse({
    name: name.trim(),
    seed: state.seed,
    ...(options.seats ? { seats: [...options.seats] } : {}),
    ...(options.parameters && Object.keys(options.parameters).length > 0 ? { parameters: options.parameters } : {}),
    steps: [...steps],
    expect,
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map(describeIssue).join('; ') };
  return { ok: true, test: parsed.data, yaml: testYaml(parsed.data) };
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  return issue.path.length === 0 ? issue.message : `${issue.path.map(String).join('.')}: ${issue.message}`;
}

/** The test as the shipped scenarios write theirs: one `{ choose: x, roll: 12 }` line per step. */
function testYaml(test: ScenarioTest): string {
  const doc = new Document([test]);
  const entry = doc.get(0, true);
  if (isMap(entry)) {
    const stepsNode = entry.get('steps', true);
    if (isSeq(stepsNode)) for (const item of stepsNode.items) if (isMap(item)) item.flow = true;
    const expectNode = entry.get('expect', true);
    if (isMap(expectNode)) expectNode.flow = true;
  }
  return doc.toString({ lineWidth: 0 });
}
