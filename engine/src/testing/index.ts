/**
 * The engine's entry point for other packages' tests (`@chaos-quest/engine/testing`): a small example
 * scenario, the `Table` driver, sample real incidents. Never imported by shipped code.
 */
export { exampleScenario } from './example-scenario.ts';
export { FACILITATOR, SYSTEM, Table, player, type Payload } from './table.ts';
export * from './sample-incidents.ts';
export { projectionFor } from '../views/view-for.ts';
export { asPlayerId, asRoleId, asSessionId } from '../protocol/ids.ts';
export { evaluator, exerciseScenario } from './exercise-scenario.ts';
