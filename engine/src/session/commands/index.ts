import type { CommandOf, CommandType } from '../../protocol/commands.ts';
import type { CommandDefinition } from '../command-definition.ts';
import { clockAdvance, clockPace, clockTick } from './clock.ts';
import { injectAck, injectImprovise, injectReveal } from './injects.ts';
import {
  sessionBrief,
  sessionClose,
  sessionConfigure,
  sessionEnd,
  sessionPause,
  sessionAutoPause,
  sessionResume,
  sessionStart,
} from './lifecycle.ts';
import { playerReady, seatAnswer, seatClaim, tableConfigure } from './seats.ts';
import { declarationConfirm, declarationReject, incidentDeclare, sessionRules } from './declarations.ts';
import { milestoneMark } from './milestones.ts';
import { actionItemAdd, actionPropose, timelinePost } from './notes.ts';
import { debriefNote } from './debrief-notes.ts';
import { choiceApply, choiceVote, diceReveal, diceRoll, sceneGoto } from './story.ts';
import {
  evaluatorJoin,
  exerciseSetup,
  exerciseSignoff,
  objectiveRate,
  observationAdd,
} from '../../exercise/exercise-commands.ts';
import { correctiveAdd } from '../../exercise/corrective-commands.ts';
import { areaVote, feedbackSubmit, hotwashConfigure } from '../../exercise/hotwash-commands.ts';
import {
  coach,
  handRaise,
  playerAssign,
  playerJoin,
  playerRemove,
  roleDecline,
  roleRequest,
  roleTake,
} from './table.ts';

/**
 * Every command's definition, in the order the protocol lists them. The wire schemas
 * (`protocol/commands.ts`) are built from this list, and the table below is checked against them.
 */
export const COMMAND_DEFINITIONS = [
  sessionBrief,
  sessionStart,
  sessionPause,
  sessionResume,
  sessionEnd,
  sessionClose,
  sessionConfigure,
  clockAdvance,
  clockPace,
  injectReveal,
  injectImprovise,
  sceneGoto,
  milestoneMark,
  declarationConfirm,
  declarationReject,
  coach,
  diceRoll,
  diceReveal,
  playerAssign,
  playerRemove,
  roleDecline,
  roleTake,
  roleRequest,
  actionPropose,
  choiceVote,
  incidentDeclare,
  handRaise,
  injectAck,
  choiceApply,
  timelinePost,
  actionItemAdd,
  debriefNote,
  playerJoin,
  clockTick,
  exerciseSetup,
  evaluatorJoin,
  observationAdd,
  objectiveRate,
  hotwashConfigure,
  feedbackSubmit,
  areaVote,
  correctiveAdd,
  exerciseSignoff,
  tableConfigure,
  seatAnswer,
  playerReady,
  seatClaim,
  sessionAutoPause,
  sessionRules,
] as const;

/** One definition per command type, each receiving exactly its own command: a mismatch fails to compile. */
export type CommandTable = { readonly [K in CommandType]: CommandDefinition<K, CommandOf<K>> };

export const COMMANDS: CommandTable = {
  'session.brief': sessionBrief,
  'session.start': sessionStart,
  'session.pause': sessionPause,
  'session.resume': sessionResume,
  'session.end': sessionEnd,
  'session.close': sessionClose,
  'session.configure': sessionConfigure,
  'session.rules': sessionRules,
  'clock.advance': clockAdvance,
  'clock.pace': clockPace,
  'clock.tick': clockTick,
  'inject.reveal': injectReveal,
  'inject.improvise': injectImprovise,
  'inject.ack': injectAck,
  'scene.goto': sceneGoto,
  'milestone.mark': milestoneMark,
  'declaration.confirm': declarationConfirm,
  'declaration.reject': declarationReject,
  'incident.declare': incidentDeclare,
  coach,
  'dice.roll': diceRoll,
  'dice.reveal': diceReveal,
  'player.join': playerJoin,
  'player.assign': playerAssign,
  'player.remove': playerRemove,
  'role.take': roleTake,
  'role.request': roleRequest,
  'role.decline': roleDecline,
  'hand.raise': handRaise,
  'action.propose': actionPropose,
  'choice.vote': choiceVote,
  'choice.apply': choiceApply,
  'timeline.post': timelinePost,
  'action-item.add': actionItemAdd,
  'exercise.setup': exerciseSetup,
  'evaluator.join': evaluatorJoin,
  'observation.add': observationAdd,
  'objective.rate': objectiveRate,
  'hotwash.configure': hotwashConfigure,
  'feedback.submit': feedbackSubmit,
  'area.vote': areaVote,
  'corrective.add': correctiveAdd,
  'exercise.signoff': exerciseSignoff,
  'debrief.note': debriefNote,
  'table.configure': tableConfigure,
  'player.ready': playerReady,
  'seat.claim': seatClaim,
  'seat.answer': seatAnswer,
  'session.autopause': sessionAutoPause,
};
