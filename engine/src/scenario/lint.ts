import { lintFormat1_1 } from './lint-1-1.ts';
import { lintDecks } from './lint-decks.ts';
import { lintDependencies } from './lint-dependencies.ts';
import { lintGraph } from './lint-graph.ts';
import { lintFlags } from './lint-flags.ts';
import { lintIds } from './lint-ids.ts';
import { lintLibrary } from './lint-library.ts';
import { lintPlay, shadowedGotos } from './lint-play.ts';
import { lintReferences } from './lint-references.ts';
import { lintRoles } from './lint-roles.ts';
import { lintSecrets } from './lint-secrets.ts';
import { lintTelemetry } from './lint-telemetry.ts';
import { lintTiming } from './lint-timing.ts';
import { lintVersion } from './lint-version.ts';
import type { Reporter } from './reporter.ts';
import { lintObjectives } from '../exercise/lint-objectives.ts';
import type { Scenario } from './schema.ts';

export interface LintOptions {
  /**
   * Also explore the states the table can reach (CQ2022–CQ2028, CQ2031, CQ2037). It plays the compiled
   * machine through up to thousands of states, which takes up to a second on a large scenario, so
   * `validate` and `test` ask for it and a server loading its library does not.
   */
  deep?: boolean;
  /** Also hold the scenario to the shipped library's rules (CQ2040, CQ2041), as warnings. */
  library?: boolean;
}

/**
 * The CQ2xxx checks of a scenario that matches the schema: ids, references, the story graph,
 * timing, secrets, the system diagram, telemetry, and exercise objectives. Each check reports all it finds. Pure.
 */
export function lintScenario(scenario: Scenario, report: Reporter, options: LintOptions = {}): void {
  lintIds(scenario, report);
  lintRoles(scenario, report);
  lintReferences(scenario, report);
  lintGraph(scenario, report);
  lintTiming(scenario, report);
  lintSecrets(scenario, report);
  lintDependencies(scenario, report);
  lintTelemetry(scenario, report);
  lintVersion(scenario, report);
  lintFormat1_1(scenario, report);
  lintDecks(scenario, report);
  shadowedGotos(scenario, report);
  lintObjectives(scenario, report);
  if (options.library) lintLibrary(scenario, report);
  // A misspelt flag would also read as one never set; and exploring needs a machine, which a
  // scenario with errors may not compile to. Both wait until the errors are fixed.
  if (report.hasErrors()) return;
  lintFlags(scenario, report);
  if (options.deep) lintPlay(scenario, report);
}
