import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIo } from './cli-io.ts';
import { renderDiagnostic } from './render-diagnostic.ts';
import { expandPaths, readScenarioFile } from './scenario-files.ts';
import { besideTestsFile, runTests, testSources } from './test-report.ts';
import { UsageError } from './usage-error.ts';

/** The text of `NAME.tests.yaml` beside `file`, or null when there is none. */
async function besideText(file: string, cwd: string): Promise<string | null> {
  // readScenarioTests caps the size before parsing, as for a scenario.
  return readFile(resolve(cwd, besideTestsFile(file)), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
}

interface Tally {
  passed: number;
  failed: number;
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
    const report = runTests(scenario, testSources(file, text, await besideText(file, io.cwd)));
    for (const d of report.diagnostics) io.err(`${renderDiagnostic(d, null)}\n`);
    if (report.diagnostics.some((d) => d.severity === 'error')) broken++;
    const count = report.tests.length;
    io.out(`${file}: ${count === 0 ? 'no tests' : `${count} test${count === 1 ? '' : 's'}`}\n`);
    for (const t of report.tests) {
      io.out(
        t.passed ? `  ok    ${t.name}\n` : `  FAIL  ${t.name}\n        ${t.file}:${t.line}: ${t.where}: ${t.message}\n`,
      );
    }
    tally.passed += report.passed;
    tally.failed += report.failed;
  }
  const summary = `${tally.passed} passed, ${tally.failed} failed${broken > 0 ? `, ${broken} file${broken === 1 ? '' : 's'} with errors` : ''}.`;
  io.out(`\n${summary}\n`);
  return tally.failed > 0 || broken > 0 ? 1 : 0;
}
