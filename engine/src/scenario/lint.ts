import { lintDependencies } from './lint-dependencies.ts';
import { lintGraph } from './lint-graph.ts';
import { lintIds } from './lint-ids.ts';
import { lintReferences } from './lint-references.ts';
import { lintSecrets } from './lint-secrets.ts';
import { lintTelemetry } from './lint-telemetry.ts';
import { lintTiming } from './lint-timing.ts';
import type { Reporter } from './reporter.ts';
import { lintObjectives } from '../exercise/lint-objectives.ts';
import type { Scenario } from './schema.ts';

/**
 * The CQ2xxx checks of a scenario that matches the schema: ids, references, the story graph,
 * timing, secrets, the system diagram, telemetry, and exercise objectives. Each check reports all it finds. Pure.
 */
export function lintScenario(scenario: Scenario, report: Reporter): void {
  lintIds(scenario, report);
  lintReferences(scenario, report);
  lintGraph(scenario, report);
  lintTiming(scenario, report);
  lintSecrets(scenario, report);
  lintDependencies(scenario, report);
  lintTelemetry(scenario, report);
  lintObjectives(scenario, report);
}
