import { isTestsFile, parseScenarioWith, readScenarioTests, type Diagnostic, type Scenario } from '@chaos-quest/engine';

export interface Diagnosis {
  diagnostics: Diagnostic[];
  /** The scenario when the text is a valid scenario file; null for errors, tests files and CSVs. */
  scenario: Scenario | null;
}

/**
 * The same checks as `chaos-quest validate` (parseScenarioWith; with `deep`, also the checks that
 * explore the states the story can reach, as validate does), run in the browser on the editor's text;
 * `beside` gives the CSV files the scenario names, as the server read them. A tests file gets the
 * tests reader's checks; a CSV is checked with its scenario. Pure.
 */
export function diagnose(
  file: string,
  text: string,
  beside: (name: string) => string | null,
  deep: boolean,
): Diagnosis {
  if (file.endsWith('.csv')) return { diagnostics: [], scenario: null };
  if (isTestsFile(file)) return { diagnostics: readScenarioTests(text, file).diagnostics, scenario: null };
  const parsed = parseScenarioWith(text, file, beside, { deep });
  const errors = parsed.diagnostics.some((d) => d.severity === 'error');
  return { diagnostics: parsed.diagnostics, scenario: errors ? null : parsed.scenario };
}
