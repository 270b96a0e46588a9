import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Diagnostic } from './diagnostic.ts';
import { checkDepth, checkSize, deepMessage, MAX_SCENARIO_BYTES, tooLargeMessage } from './guard.ts';
import { lintScenario, type LintOptions } from './lint.ts';
import { splitAttachments } from './baseline-csv.ts';
import { checkBaselines } from './baselines.ts';
import { Reporter } from './reporter.ts';
import { scenarioSchema, type Scenario } from './schema.ts';
import { FORMAT_1_0, FORMAT_1_1, FORMATS } from './schema-atoms.ts';
import { reportSchemaIssues, show } from './schema-issues.ts';
import { documentToData } from './yaml-data.ts';

export const SCENARIO_FORMAT = FORMAT_1_0;
export { MAX_SCENARIO_BYTES };

export interface ParseResult {
  /** The validated scenario, defaults applied; null whenever any diagnostic is an error. */
  scenario: Scenario | null;
  /** Every problem found, in source order (the scenario's, then its CSV files'). */
  diagnostics: Diagnostic[];
  /** The CSV files beside the scenario that its metrics take their baseline from: what a loader attaches. */
  baselineFiles: string[];
}

/** YAML's own complaints (syntax, tags, several documents) become CQ1002, or CQ1005 for depth. */
function reportYamlErrors(doc: Document, report: Reporter): void {
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const offset = problem.pos[0];
    if (problem.code === 'RESOURCE_EXHAUSTION') report.atOffset('CQ1005', offset, deepMessage());
    else if (problem.code === 'MULTIPLE_DOCS')
      report.atOffset(
        'CQ1002',
        offset,
        'a scenario file holds one YAML document; remove this `---` and what follows, or move it to its own file.',
      );
    else if (problem.code === 'TAG_RESOLVE_FAILED')
      report.atOffset('CQ1002', offset, `${problem.message}; scenario files use plain YAML, so remove the tag.`);
    else report.atOffset('CQ1002', offset, `YAML syntax: ${problem.message.replace(/\.?$/, '.')}`);
  }
}

/** CQ1104: a file written for another format version would only produce noise, so it stops here. */
function checkFormat(data: unknown, report: Reporter): boolean {
  const format = (data as Record<string, unknown>)['format'];
  if (format === undefined || (FORMATS as readonly unknown[]).includes(format)) return true;
  report.at(
    'CQ1104',
    ['format'],
    `${show(format)} is not a format this version reads; write \`format: ${FORMAT_1_0}\` (or \`${FORMAT_1_1}\` to use counters, deadlines, modules and the other 1.1 features).`,
  );
  return false;
}

/** Reads the YAML into plain data, or null when the file cannot be read safely (all reported). */
export function readYaml(text: string, report: Reporter): { data: unknown } | null {
  if (!checkSize(text, report) || !checkDepth(text, report)) return null;
  const lineCounter = new LineCounter();
  // Duplicate keys are found by the converter: yaml's `uniqueKeys` compares every key with every
  // other, which lets a 1 MB file of distinct keys take minutes.
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: false,
    prettyErrors: false,
    merge: false,
    schema: 'core',
  });
  report.useLineCounter(lineCounter);
  reportYamlErrors(doc, report);
  if (report.hasErrors()) return null;
  return documentToData(doc, report);
}

/**
 * Parses and checks a scenario file: YAML, schema, references and story logic, reporting every
 * problem rather than the first. CSV baselines are read from the files attached to `text` (see
 * parseScenarioWith, which attaches them). Pure and total: never throws, whatever the text; hostile input
 * (huge, deeply nested, alias bombs, `__proto__` keys) gets a diagnostic and bounded work.
 * Checks of references and logic (CQ2xxx) run once the file matches the schema; `deep` adds those that
 * explore the states the table can reach.
 */
export function parseScenario(text: string, fileName: string, options: LintOptions = {}): ParseResult {
  const { yaml, files } = splitAttachments(text);
  const report = new Reporter(fileName, yaml);
  const read = readYaml(yaml, report);
  const failed = () => ({ scenario: null, diagnostics: report.finish(), baselineFiles: [] });
  if (read === null || !checkFormat(read.data, report)) return failed();
  const parsed = scenarioSchema.safeParse(read.data);
  if (!parsed.success) {
    reportSchemaIssues(scenarioSchema, parsed.error.issues, read.data, report);
    return failed();
  }
  lintScenario(parsed.data, report, options);
  const baselines = checkBaselines(parsed.data, files, fileName, report);
  const diagnostics = [...report.finish(), ...baselines.diagnostics];
  const usable = !diagnostics.some((d) => d.severity === 'error');
  const scenario = baselines.names.length ? { ...parsed.data, series: baselines.series } : parsed.data;
  return { scenario: usable ? scenario : null, diagnostics, baselineFiles: baselines.names };
}

/**
 * The CQ1001 diagnostic for a file of `bytes` bytes, for callers that refuse an oversized file
 * before reading it. Pure.
 */
export function fileTooLarge(fileName: string, bytes: number): Diagnostic {
  return {
    file: fileName,
    line: 1,
    col: 1,
    code: 'CQ1001',
    severity: 'error',
    message: tooLargeMessage(bytes),
    path: '',
  };
}
