import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseScenarioWith, type Diagnostic, type Scenario } from '@chaos-quest/engine';

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
      const yaml = readFileSync(new URL(file, SCENARIO_DIR), 'utf8');
      // As the server loads it: the baseline CSVs beside it attached to the text a session keeps.
      const beside = (name: string) =>
        existsSync(new URL(name, SCENARIO_DIR)) ? readFileSync(new URL(name, SCENARIO_DIR), 'utf8') : null;
      const { scenario, diagnostics, text } = parseScenarioWith(yaml, `scenarios/${file}`, beside, {
        deep: true,
        library: true,
      });
      return { file, text, scenario, diagnostics };
    });
}
