import {
  readScenarioTests,
  runScenarioTest,
  type Diagnostic,
  type ReadTests,
  type Scenario,
} from '@chaos-quest/engine';

/** `scenarios/x.yaml` → `scenarios/x.tests.yaml`. */
export const besideTestsFile = (file: string): string => file.replace(/\.ya?ml$/, '.tests.yaml');

/** One scripted test's result, located in its file: where it failed (a step or its `expect`) and why. */
export interface TestOutcome {
  file: string;
  name: string;
  passed: boolean;
  /** 1-based line of the failing step or `expect`, or of the test's name when it passed. */
  line: number;
  /** `step 2`, `expect`, or null when it passed. */
  where: string | null;
  message: string | null;
}

export interface TestsReport {
  tests: TestOutcome[];
  passed: number;
  failed: number;
  /** Problems in the `tests` blocks themselves (YAML or shape). */
  diagnostics: Diagnostic[];
}

/**
 * The scenario's own `tests` (from `text`) and those of `NAME.tests.yaml` beside it, when
 * there is one (`besideText`, null when there is none).
 */
export function testSources(file: string, text: string, besideText: string | null): ReadTests[] {
  const found = [readScenarioTests(text, file)];
  if (besideText !== null) found.push(readScenarioTests(besideText, besideTestsFile(file)));
  return found;
}

/** Runs every test of `sources` on `scenario`. Pure: the CLI's `test` and the studio report the same. */
export function runTests(scenario: Scenario, sources: readonly ReadTests[]): TestsReport {
  const tests: TestOutcome[] = [];
  for (const source of sources) {
    for (const located of source.tests) {
      const { failure } = runScenarioTest(scenario, located.test);
      const base = { file: source.file, name: located.test.name };
      if (!failure) {
        tests.push({ ...base, passed: true, line: located.line, where: null, message: null });
        continue;
      }
      const line = failure.step === null ? located.expect : (located.steps[failure.step] ?? located.line);
      const where = failure.step === null ? 'expect' : `step ${failure.step + 1}`;
      tests.push({ ...base, passed: false, line, where, message: failure.message });
    }
  }
  return {
    tests,
    passed: tests.filter((t) => t.passed).length,
    failed: tests.filter((t) => !t.passed).length,
    diagnostics: sources.flatMap((s) => s.diagnostics),
  };
}
