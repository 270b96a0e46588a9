/**
 * The engine's entry point for the browser (`@chaos-quest/engine/client`): the pure, light helpers the
 * client runs itself. Everything here must stay free of xstate, yaml and seedrandom, which the main
 * entry point pulls in for the server (tests/boundaries.test.ts bundles this file to prove it). Types
 * come from `@chaos-quest/engine` with `import type`, which costs the bundle nothing.
 */
export { clockLabel } from './session/phase.ts';
export { formatGameMinutes, formatWallDuration, gameTime, spansDays } from './time/format.ts';
export { runTimes, type RunTime } from './time/run-times.ts';
export { ACTION_PRIORITIES, DEBRIEF_NOTE_KINDS, DEBRIEF_NOTE_LABELS } from './session/state.ts';
export { blamelessFindings, type BlamelessFinding } from './postmortem/blameless.ts';
export { labelAt, spanLabel, type ClockReading } from './session/game-clock.ts';
export { foldPatch } from './protocol/patch.ts';
export { matches, span } from './metrics/metrics.ts';
export { compareMetrics, NO_TEAM } from './metrics/compare.ts';
export { practiceDurations } from './metrics/figures.ts';
export { ANNOTATION_LIMITS } from './metrics/annotation.ts';
export { trendsOf } from './metrics/trends.ts';
export { FIGURE_DEFINITIONS, FIGURE_IDS, REAL_FIGURE_IDS } from './metrics/definitions.ts';
export {
  meMessageSchema,
  patchMessageSchema,
  presenceSchema,
  projectionSchema,
  seatMessageSchema,
  viewMessageSchema,
} from './protocol/server-messages.ts';
export { SOCKET_EVENTS } from './protocol/socket-events.ts';
export {
  CAPABILITY_ELEMENTS,
  OBSERVATION_KINDS,
  PRIORITIES,
  RATINGS,
  EXERCISE_LIMITS,
} from './exercise/exercise-state.ts';
export { RATING_LABELS } from './exercise/ratings.ts';
export { baseName, namesakes } from './session/namesakes.ts';
