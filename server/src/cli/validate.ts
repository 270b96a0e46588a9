import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import { splitAttachments, type Diagnostic } from '@chaos-quest/engine';
import type { CliIo } from './cli-io.ts';
import { renderDiagnostic } from './render-diagnostic.ts';
import { expandPaths, readScenarioFile, type ScenarioFile } from './scenario-files.ts';
import { UsageError } from './usage-error.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function counts(diagnostics: readonly Diagnostic[]) {
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    notes: diagnostics.filter((d) => d.severity === 'info').length,
  };
}

function summary(results: readonly ScenarioFile[]): string {
  const { errors, warnings, notes } = counts(results.flatMap((r) => r.diagnostics));
  const failing = results.filter((r) => r.diagnostics.some((d) => d.severity === 'error')).length;
  const checked = `Checked ${plural(results.length, 'file')}`;
  // A note (info) is not a problem: it says what a check could not cover, such as an exploration cut short.
  if (errors === 0 && warnings === 0)
    return `${checked}: no problems${notes > 0 ? ` (${plural(notes, 'note')})` : ''}.`;
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
  return `${checked}: ${parts.join(', ')}${failing > 0 ? ` (${plural(failing, 'file')} with errors)` : ''}.`;
}

/** The text a diagnostic points into: the scenario's own, or a baseline CSV's attached to it. */
function sourceOf(result: ScenarioFile, d: Diagnostic): string | null {
  if (result.text === null) return null;
  const { yaml, files } = splitAttachments(result.text);
  return d.file === result.file ? yaml : (files.get(basename(d.file)) ?? null);
}

/** `chaos-quest validate`: returns the exit code (0 clean or warnings only, 1 on any error). Throws UsageError for bad arguments. */
export async function validate(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { json: { type: 'boolean', default: false }, library: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new UsageError('validate needs at least one file or directory.');
  const files = await expandPaths(positionals, io.cwd);
  if (files.length === 0) throw new UsageError(`no *.yaml files in ${positionals.join(', ')}`);
  const results: ScenarioFile[] = [];
  for (const file of files) results.push(await readScenarioFile(file, io.cwd, true, values.library));
  const all = results.flatMap((r) => r.diagnostics);
  if (values.json) {
    const report = {
      files: results.map((r) => ({ file: r.file, valid: r.scenario !== null, diagnostics: r.diagnostics })),
      ...counts(all),
    };
    io.out(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    for (const r of results) for (const d of r.diagnostics) io.out(`${renderDiagnostic(d, sourceOf(r, d))}\n`);
    io.out(`${summary(results)}\n`);
  }
  return counts(all).errors > 0 ? 1 : 0;
}
