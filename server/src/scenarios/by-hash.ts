import { parseScenario, type Scenario } from '@chaos-quest/engine';

/**
 * Scenarios by the hash of their exact text, as sessions stored them. Parsing is memoised, so a
 * thousand sessions of one scenario share one parsed (and compiled) scenario.
 */
export class ScenarioCache {
  private readonly byHash = new Map<string, Scenario>();

  remember(hash: string, scenario: Scenario): void {
    this.byHash.set(hash, scenario);
  }

  /**
   * The scenario for `hash`, parsed from `text` on first use. Throws if the text no longer parses
   * (an engine upgrade that tightened the schema): such a session cannot be replayed faithfully.
   */
  resolve(hash: string, text: string, sessionId: string): Scenario {
    const known = this.byHash.get(hash);
    if (known) return known;
    const { scenario, diagnostics } = parseScenario(text, `${hash.slice(0, 12)}.yaml`);
    if (!scenario) {
      throw new Error(
        `Session ${sessionId}: its stored scenario text no longer parses (${diagnostics[0]?.message ?? 'unknown error'}).`,
      );
    }
    this.byHash.set(hash, scenario);
    return scenario;
  }
}
