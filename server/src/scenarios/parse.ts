import { parse as parseYaml } from 'yaml';
import { scenarioSchema, type Diagnostic, type Scenario } from '@chaos-quest/engine';

/** The engine's `parseScenario` shape: a scenario when the text is valid, and every diagnostic. */
export interface ParsedScenario {
  scenario: Scenario | null;
  diagnostics: Diagnostic[];
}

/**
 * Parses scenario text. Interim: YAML plus the engine's zod schema, reporting problems at 1:1
 * until the engine's own `parseScenario` (with precise locations) is exported. Never throws.
 */
export function parseScenarioText(text: string, file: string): ParsedScenario {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    return { scenario: null, diagnostics: [diagnostic(file, 'CQ1001', `The file is not valid YAML: ${(error as Error).message}`, '')] };
  }
  const result = scenarioSchema.safeParse(data);
  if (result.success) return { scenario: result.data, diagnostics: [] };
  return {
    scenario: null,
    diagnostics: result.error.issues.map((issue) => diagnostic(file, 'CQ1002', issue.message, issue.path.join('.'))),
  };
}

function diagnostic(file: string, code: string, message: string, path: string): Diagnostic {
  return { file, line: 1, col: 1, code, severity: 'error', message, path };
}
