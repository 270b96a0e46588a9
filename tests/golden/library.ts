import { readdirSync, readFileSync } from 'node:fs';
import { parseScenario, type Diagnostic, type Scenario } from '@chaos-quest/engine';

export const SCENARIO_DIR = new URL('../../scenarios/', import.meta.url);
export const SCHEMA_LINE = '# yaml-language-server: $schema=./schema.json';

export interface ShippedScenario {
  file: string;
  text: string;
  scenario: Scenario | null;
  diagnostics: Diagnostic[];
}

/** Every `scenarios/*.yaml`, parsed by the real parser with every check `validate --library` runs, in file-name order. */
export function loadLibrary(): ShippedScenario[] {
  return readdirSync(SCENARIO_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const text = readFileSync(new URL(file, SCENARIO_DIR), 'utf8');
      const { scenario, diagnostics } = parseScenario(text, `scenarios/${file}`, { deep: true, library: true });
      return { file, text, scenario, diagnostics };
    });
}
