import { z } from 'zod';
import type { Diagnostic } from '../scenario/diagnostic.ts';
import { readYaml } from '../scenario/parse.ts';
import { Reporter } from '../scenario/reporter.ts';
import { reportSchemaIssues } from '../scenario/schema-issues.ts';
import { testsFileSchema, testsSchema, type ScenarioTest } from '../scenario/tests-schema.ts';

/** A test with where it and each of its steps sit in the file, for messages that point at them. */
export interface LocatedTest {
  test: ScenarioTest;
  /** 1-based line of the test's `name`. */
  line: number;
  /** 1-based line of each step. */
  steps: number[];
  /** 1-based line of the test's final `expect`. */
  expect: number;
}

export interface ReadTests {
  file: string;
  tests: LocatedTest[];
  /** Problems in the YAML or in the `tests` block's shape; no test is returned while any is an error. */
  diagnostics: Diagnostic[];
}

// Only the `tests` key of a scenario is read here: the rest of the file is parseScenario's to check.
const inScenario = z.looseObject({ tests: testsSchema.optional() });

/** `NAME.tests.yaml` (or `.yml`): a file of tests beside the scenario `NAME.yaml`. */
export const isTestsFile = (fileName: string): boolean => /\.tests\.ya?ml$/.test(fileName);

/**
 * The `tests` of a scenario file, or of a `NAME.tests.yaml` beside one (which holds only `tests`),
 * each located in `fileName`. Pure; never throws for any text.
 */
export function readScenarioTests(text: string, fileName: string): ReadTests {
  const report = new Reporter(fileName, text);
  const read = readYaml(text, report);
  if (read === null || typeof read.data !== 'object' || read.data === null)
    return { file: fileName, tests: [], diagnostics: report.finish() };
  const holder = isTestsFile(fileName) ? testsFileSchema : inScenario;
  const parsed = holder.safeParse(read.data);
  if (!parsed.success) {
    reportSchemaIssues(holder, parsed.error.issues, read.data, report);
    return { file: fileName, tests: [], diagnostics: report.finish() };
  }
  const tests = (parsed.data.tests ?? []).map((test, t) => ({
    test,
    line: report.locate(['tests', t, 'name']).line,
    steps: test.steps.map((_, s) => report.locate(['tests', t, 'steps', s]).line),
    expect: report.locate(['tests', t, 'expect'], 'key').line,
  }));
  return { file: fileName, tests, diagnostics: report.finish() };
}
