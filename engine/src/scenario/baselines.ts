import { attachFiles, BASELINE_LIMITS, parseBaselineCsv } from './baseline-csv.ts';
import type { Diagnostic } from './diagnostic.ts';
import { utf8Length } from './guard.ts';
import { parseScenario, type ParseResult } from './parse.ts';
import type { LintOptions } from './lint.ts';
import type { Reporter } from './reporter.ts';
import type { BaselineSeries, Scenario } from './schema.ts';

/** A file named beside the scenario file: `scenarios/x.yaml` + `x.csv` → `scenarios/x.csv`. */
const beside = (fileName: string, name: string) => `${fileName.slice(0, fileName.lastIndexOf('/') + 1)}${name}`;

/**
 * CQ2034 for a baseline with both or neither of `level` and `csv`; CQ2033 for a CSV that is not
 * attached; the CSV's own diagnostics (CQ1011–CQ1013, in the CSV file). Returns the series read,
 * by file name, and the names of every CSV the scenario asks for. Pure.
 */
export function checkBaselines(
  scenario: Scenario,
  attached: ReadonlyMap<string, string>,
  fileName: string,
  report: Reporter,
): { series: BaselineSeries; diagnostics: Diagnostic[]; names: string[] } {
  const series: Record<string, number[]> = {};
  const diagnostics: Diagnostic[] = [];
  const names: string[] = [];
  let total = 0;
  (scenario.telemetry?.metrics ?? []).forEach((metric, i) => {
    const path = ['telemetry', 'metrics', i, 'baseline'];
    const { csv, level } = metric.baseline;
    if ((csv === undefined) === (level === undefined)) {
      report.at(
        'CQ2034',
        path,
        `give the baseline exactly one of \`level\` (a number) or \`csv\` (a file beside this one).`,
      );
    }
    if (csv === undefined || names.includes(csv)) return;
    names.push(csv);
    const text = attached.get(csv);
    if (text === undefined) {
      report.at(
        'CQ2033',
        [...path, 'csv'],
        `there is no readable file '${csv}' beside the scenario; put the CSV next to it.`,
      );
      return;
    }
    total += utf8Length(text);
    const file = beside(fileName, csv);
    if (total > BASELINE_LIMITS.totalBytes) {
      diagnostics.push({
        file,
        line: 1,
        col: 1,
        code: 'CQ1011',
        severity: 'error',
        path: '',
        message: "a scenario's baseline CSV files may hold 1 MB together; this one goes past it.",
      });
      return;
    }
    const read = parseBaselineCsv(text, file);
    diagnostics.push(...read.diagnostics);
    if (read.values) series[csv] = read.values;
  });
  return { series, diagnostics, names };
}

/**
 * Parses a scenario with the CSV files it names, read by `readBeside` (null when a file is missing
 * or unreadable), and returns the text to keep: the scenario's own with the files attached. Pure
 * when `readBeside` is; the loaders (the server's library, the CLI) pass one that reads the folder.
 */
export function parseScenarioWith(
  text: string,
  fileName: string,
  readBeside: (name: string) => string | null,
  options: LintOptions = {},
): ParseResult & { text: string } {
  const first = parseScenario(text, fileName, options);
  if (first.baselineFiles.length === 0) return { ...first, text };
  const files: Record<string, string> = {};
  for (const name of first.baselineFiles) {
    const read = readBeside(name);
    if (read !== null) files[name] = read;
  }
  const bundled = attachFiles(text, files);
  return { ...parseScenario(bundled, fileName, options), text: bundled };
}
