export * from './scenario/schema.ts';
export * from './scenario/diagnostic.ts';
export { parseScenario, fileTooLarge, MAX_SCENARIO_BYTES, type ParseResult } from './scenario/parse.ts';
export { parseScenarioWith } from './scenario/baselines.ts';
export { attachFiles, BASELINE_LIMITS, parseBaselineCsv, splitAttachments } from './scenario/baseline-csv.ts';
export { holds } from './scenario/conditions.ts';
export { parametersError } from './scenario/parameters.ts';
export { FORMAT_1_0, FORMAT_1_1, FORMATS, type Format } from './scenario/schema-atoms.ts';
export type { Deadline, Parameter, Cooldown } from './scenario/schema-1-1.ts';
export type { StoryView, DeadlineView, ModuleView } from './views/story-view.ts';
export { compile, gameOf, type Game } from './compile/game.ts';
export { rollDice, diceRange } from './dice/dice.ts';
export * from './protocol/commands.ts';
export * from './protocol/wire.ts';
export * from './protocol/console-seats.ts';
export { seatMessageSchema, type SeatMessage } from './protocol/server-messages.ts';
export * from './protocol/ids.ts';
export type { ReadOnlyLink, ReadOnlyLinkCreated } from './protocol/read-only.ts';
export { applyPatch, diffProjection, foldPatch, type ViewPatch } from './protocol/patch.ts';
export * from './session/state.ts';
export * from './session/errors.ts';
export { createSession, type SessionOptions } from './session/create.ts';
export { step, authorize } from './session/step.ts';
export { CURRENT_RULES } from './session/rules.ts';
export { replay } from './session/replay.ts';
export { phaseOf, sceneOf, clockLabel } from './session/phase.ts';
export { dayOf, gameTimeLabel, labelAt, spanLabel, type ClockReading } from './session/game-clock.ts';
export { activeModifiers, availableChoices } from './session/choices.ts';
export { distribution, formatOdds, successOdds } from './dice/odds.ts';
export { sha256, stableStringify, stateHash } from './session/hash.ts';
export * from './views/view.ts';
export { audienceOf, meFor, meInputs, projectionFor, timelinePage, viewFor } from './views/view-for.ts';
export { SESSION_LIMITS, typedText } from './session/limits.ts';
export { own } from './session/own.ts';
export { baseName, distinctName, namesakes } from './session/namesakes.ts';
export * from './incident/record.ts';
export * from './metrics/metrics.ts';
export { telemetryPoints, type MetricPoints, type TelemetryPoints } from './telemetry/points.ts';
export { alertsUpTo, type AlertFiring } from './telemetry/alerts.ts';
export * from './incident/real.ts';
export * from './metrics/definitions.ts';
export * from './metrics/figures.ts';
export * from './metrics/compare.ts';
export * from './metrics/annotation.ts';
export * from './metrics/trends.ts';
export {
  readIncidentCsv,
  MAX_IMPORT_ROWS,
  type IncidentImport,
  type IncidentImportResult,
  type RejectedRow,
} from './metrics/import/read-incidents.ts';
export { COLUMN_MAPS, type ColumnMap } from './metrics/import/formats.ts';
export { scenarioJsonSchemaText } from './scenario/json-schema.ts';
export {
  createBaselineDetector,
  DEFAULT_DETECTOR_PARAMS,
  type BaselineDetector,
  type DetectorParams,
} from './telemetry/baseline-detector.ts';
export { detectionStory, type DetectionStory } from './telemetry/detection-story.ts';
export { postmortemDraft, POSTMORTEM_SECTIONS } from './postmortem/draft.ts';
export { escapeMarkdown } from './postmortem/escape-markdown.ts';
export { blamelessFindings, type BlamelessFinding } from './postmortem/blameless.ts';
export { BLAMELESS_RULES, type BlamelessRule } from './postmortem/blameless-rules.ts';
export { debriefPrompts } from './session/debrief-prompts.ts';
export { formatGameMinutes, formatWallDuration, gameTime, gameTimeFormat, spansDays } from './time/format.ts';
export { runTimes, type RunTime } from './time/run-times.ts';
export * from './scenario/tests-schema.ts';
export { runScenarioTest, describeStep, mismatch, type TestFailure, type TestResult } from './playtest/run-test.ts';
export { readScenarioTests, isTestsFile, type LocatedTest, type ReadTests } from './playtest/read-tests.ts';
export { scenarioGraph, conditionLabel, GRAPH_FORMATS, type GraphFormat } from './playtest/graph.ts';
export { diagnosticsReference } from './scenario/codes-reference.ts';
