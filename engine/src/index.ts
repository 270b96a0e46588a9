export * from './scenario/schema.ts';
export * from './scenario/diagnostic.ts';
export { parseScenario, fileTooLarge, MAX_SCENARIO_BYTES, type ParseResult } from './scenario/parse.ts';
export { parseScenarioWith } from './scenario/baselines.ts';
export { attachFiles, BASELINE_LIMITS, parseBaselineCsv, splitAttachments } from './scenario/baseline-csv.ts';
export { holds } from './scenario/conditions.ts';
export { parametersError } from './scenario/parameters.ts';
export { FORMAT_1_0, FORMAT_1_1, FORMATS, type Format } from './scenario/schema-atoms.ts';
export type { Deadline, Parameter, Cooldown } from './scenario/schema-1-1.ts';
export type { StoryView, DeadlineView, ModuleView, DecksView, CardView } from './views/story-view.ts';
export { compile, gameOf, type Game } from './compile/game.ts';
export { cardsOf, usesDecks, type DealtCard } from './compile/decks.ts';
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
export { createSession, reseedLobby, type SessionOptions } from './session/create.ts';
export { step, stepInPlace, authorize } from './session/step.ts';
export { ownLists } from './session/draft.ts';
export { CURRENT_RULES } from './session/rules.ts';
export { replay } from './session/replay.ts';
export { phaseOf, sceneOf, clockLabel } from './session/phase.ts';
export { dayOf, gameTimeLabel, labelAt, spanLabel, type ClockReading } from './session/game-clock.ts';
export { activeModifiers, availableChoices } from './session/choices.ts';
export { distribution, formatOdds, successOdds } from './dice/odds.ts';
export { sha256, stableStringify, stateHash } from './session/hash.ts';
export * from './views/view.ts';
export { audienceOf, sameAudiences, projectionFor, timelinePage, viewFor } from './views/view-for.ts';
export { meBasis, meFor, meInputs } from './views/me-view.ts';
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
export * from './exercise/objectives-schema.ts';
export * from './exercise/exercise-state.ts';
export { FRAMEWORKS, PCI_12_10_1_ELEMENTS, controlProblem, splitControl, type Framework } from './exercise/controls.ts';
export { objectivesOf, isExercise, taskStatus, type TaskStatus } from './exercise/objectives.ts';
export { isoDate } from './exercise/corrective-commands.ts';
export { utcDate, utcDateTime } from './exercise/utc.ts';
export { frozenError } from './exercise/exercise-draft.ts';
export {
  describeCheck,
  type ExerciseView,
  type HotwashMe,
  type HotwashView,
  type ObjectiveView,
} from './exercise/exercise-view.ts';
export { RATING_LABELS, consolidatedRating } from './exercise/ratings.ts';
export { controlCoverage, type ControlCoverage } from './exercise/controls-coverage.ts';
export {
  afterActionReport,
  type AfterActionReport,
  type ObjectiveReport,
  type ObservationLine,
} from './exercise/report-model.ts';
export { afterActionMarkdown, controlsMarkdown, feedbackMarkdown } from './exercise/report-markdown.ts';
export * from './exercise/corrective-tracker.ts';
export { csvField, csvDocument } from './exercise/csv.ts';
export { evidenceFiles, type EvidenceFile } from './exercise/evidence-files.ts';
export {
  planSchema,
  statusChangeSchema,
  type EvaluatorCodeResponse,
  type EvaluatorJoinResponse,
} from './exercise/exercise-wire.ts';
export { objectiveTrend, type ObjectiveTrend, type ObjectiveRating } from './exercise/objective-trend.ts';
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
export {
  replayPath,
  openActions,
  stateSummary,
  pathAsTest,
  type ActionActor,
  type BrokenStep,
  type CheckOffer,
  type OpenAction,
  type PathTest,
  type Replay,
  type ReplayOptions,
  type RollOffer,
  type StateSummary,
} from './playtest/solo.ts';
export type { SavedFile, StudioFile, StudioFileKind, StudioFileText } from './protocol/studio.ts';
