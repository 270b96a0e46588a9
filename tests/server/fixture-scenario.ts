import { readFileSync } from 'node:fs';
import { parseScenario, type Scenario } from '@chaos-quest/engine';

/** The fixture scenario's text and parsed form, as the server loads it. */
export const FIXTURE_TEXT = readFileSync(new URL('./fixtures/scenarios/dns-ttl-trap.yaml', import.meta.url), 'utf8');

export const FIXTURE: Scenario = (() => {
  const { scenario, diagnostics } = parseScenario(FIXTURE_TEXT, 'dns-ttl-trap.yaml');
  if (!scenario) throw new Error(`fixture scenario is invalid: ${diagnostics.map((d) => d.message).join('; ')}`);
  return scenario;
})();
