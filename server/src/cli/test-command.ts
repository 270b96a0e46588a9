import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  readScenarioTests,
  runScenarioTest,
  type LocatedTest,
  type ReadTests,
  type Scenario,
} from '@chaos-quest/engine';
import type { CliIo } from './cli-io.ts';
import { renderDiagnostic } from './render-diagnostic.ts';
import { expandPaths, readScenarioFile } from './scenario-files.ts';
import { UsageError } from './usage-error.ts';

/** `scenarios/x.yaml` → `scenarios/x.tests.yaml`. */
const besideFile = (file: string) => file.replace(/\.ya?ml$/, '.tests.yaml');

/** The scenario's own `tests` and those of `NAME.tests.yaml` beside it, when there is one. */
async function testsOf(file: string, text: string, cwd: string): Promise<ReadTests[]> {
  const found = [readScenarioTests(text, file)];
  const beside = besideFile(file);
  // readScenarioTests caps the size before parsing, as for a scenario.
  const besideText = await readFile(resolve(cwd, beside), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (besideText !== null) found.push(readScenarioTests(besideText, beside));
  return found;
}

interface Tally {
  passed: number;
  failed: number;
}

/** Runs one located test and prints its line; a failure names the step's file:line. */
function runOne(scenario: Scenario, file: string, located: LocatedTest, io: CliIo, tally: Tally): void {
  const { failure } = runScenarioTest(scenario, located.test);
  if (!failure) {
    tally.passed++;
    io.out(`  ok    ${located.test.name}\n`);
    return;
  }
  tally.failed++;
  const line = failure.step === null ? located.expect : (located.steps[failure.step] ?? located.line);
  const where = failure.step === null ? 'expect' : `step ${failure.step + 1}`;
  io.out(`  FAIL  ${located.test.name}\n        ${file}:${line}: ${where}: ${failure.message}\n`);
}

/**
 * `chaos-quest test`: runs the scripted tests of each scenario file (its `tests:` and a
 * `NAME.tests.yaml` beside it). Returns 1 when any test fails or any file has errors, else 0.
 * Throws UsageError for bad arguments.
 */
export async function testCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: {} });
  if (positionals.length === 0) throw new UsageError('test needs at least one scenario file or directory.');
  const files = await expandPaths(positionals, io.cwd);
  const tally: Tally = { passed: 0, failed: 0 };
  let broken = 0;
  for (const file of files) {
    const { scenario, diagnostics, text } = await readScenarioFile(file, io.cwd);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (!scenario || text === null) {
      for (const d of errors) io.err(`${renderDiagnostic(d, text)}\n`);
      io.out(`${file}: has errors; fix them first (chaos-quest validate ${file}).\n`);
      broken++;
      continue;
    }
    const sources = await testsOf(file, text, io.cwd);
    const problems = sources.flatMap((s) => s.diagnostics);
    for (const d of problems) io.err(`${renderDiagnostic(d, null)}\n`);
    if (problems.some((d) => d.severity === 'error')) broken++;
    const count = sources.reduce((n, s) => n + s.tests.length, 0);
    io.out(`${file}: ${count === 0 ? 'no tests' : `${count} test${count === 1 ? '' : 's'}`}\n`);
    for (const source of sources) for (const t of source.tests) runOne(scenario, source.file, t, io, tally);
  }
  const summary = `${tally.passed} passed, ${tally.failed} failed${broken > 0 ? `, ${broken} file${broken === 1 ? '' : 's'} with errors` : ''}.`;
  io.out(`\n${summary}\n`);
  return tally.failed > 0 || broken > 0 ? 1 : 0;
}
