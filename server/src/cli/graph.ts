import { parseArgs } from 'node:util';
import { GRAPH_FORMATS, scenarioGraph, type GraphFormat } from '@chaos-quest/engine';
import type { CliIo } from './cli-io.ts';
import { renderDiagnostic } from './render-diagnostic.ts';
import { readScenarioFile } from './scenario-files.ts';
import { UsageError } from './usage-error.ts';

/**
 * `chaos-quest graph`: prints the scenario's scenes, choices, conditions and endings as Mermaid (the
 * default) or Graphviz dot. Returns 1 when the scenario has errors (printed instead). Throws
 * UsageError for bad arguments.
 */
export async function graph(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { format: { type: 'string', default: 'mermaid' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError(`graph takes one scenario file, not ${positionals.length}.`);
  const format = values.format as GraphFormat;
  if (!GRAPH_FORMATS.includes(format))
    throw new UsageError(`--format is ${GRAPH_FORMATS.join(' or ')}, not '${values.format}'.`);
  const file = positionals[0] as string;
  const { scenario, diagnostics, text } = await readScenarioFile(file, io.cwd);
  if (!scenario) {
    for (const d of diagnostics) io.err(`${renderDiagnostic(d, text)}\n`);
    io.err(`${file} has errors; fix them before drawing it (chaos-quest validate ${file}).\n`);
    return 1;
  }
  io.out(scenarioGraph(scenario, format));
  return 0;
}
