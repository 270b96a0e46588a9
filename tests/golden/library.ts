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

/** Every `scenarios/*.yaml`, parsed by the real parser with every check `validate` runs, in file-name order. */
export function loadLibrary(): ShippedScenario[] {
  return readdirSync(SCENARIO_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const yaml = readFileSync(new URL(file, SCENARIO_DIR), 'utf8');
      // As the server loads it: the baseline CSVs beside it attached to the text a session keeps.
      const beside = (name: string) =>
        existsSync(new URL(name, SCENARIO_DIR)) ? readFileSync(new URL(name, SCENARIO_DIR), 'utf8') : null;
      const { scenario, diagnostics, text } = parseScenarioWith(yaml, `scenarios/${file}`, beside, { deep: true });
      return { file, text, scenario, diagnostics };
    });
}

/** What a shipped scenario must offer a table, counted so a regression names the number that fell. */
export function shapeOf(scenario: Scenario) {
  const injects = [...(scenario.injects ?? []), ...scenario.scenes.flatMap((s) => s.injects ?? [])];
  const choices = scenario.scenes.flatMap((s) => s.choices ?? []);
  return {
    roles: scenario.roles.length,
    rolesWithoutSecrets: scenario.roles.filter((r) => (r.secrets ?? []).length === 0).map((r) => r.id),
    rolesApplyingChoices: scenario.roles.filter((r) => r.can_apply_choices).length,
    scenes: scenario.scenes.length,
    checks: choices.filter((c) => c.check !== undefined).length,
    timedInjects: injects.filter((i) => i.at !== undefined).length,
    pages: injects.filter((i) => i.page).length,
    components: scenario.system.components.length,
    escalationLevels: scenario.escalation.length,
    outcomes: [...new Set(scenario.endings.map((e) => e.outcome))].sort(),
    scenesWithoutNotes: scenario.scenes.filter((s) => s.facilitator_notes === undefined).map((s) => s.id),
    endingsWithoutDebrief: scenario.endings.filter((e) => e.debrief === undefined).map((e) => e.id),
    // Blameless: a debrief asks about systems and process, never who did it.
    promptsAskingWho: scenario.endings.flatMap((e) => [e.debrief ?? []].flat()).filter((q) => /\bwho\b/i.test(q)),
  };
}
