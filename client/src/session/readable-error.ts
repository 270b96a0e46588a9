import type { CommandType, View } from '@chaos-quest/engine';

type Phase = View['phase'];
/** Who reads the sentence: the facilitator is told what *they* can do about it. */
type Reader = View['viewer'];

/**
 * What each command does, as the subject of a sentence. The one place the client turns a command
 * type into words for people; a type missing here still gets a sentence about the phase.
 */
const ACTIVITY: Partial<Record<CommandType, string>> = {
  'choice.vote': 'Voting',
  'choice.apply': 'Applying a choice',
  'incident.declare': 'Declaring the incident',
  'action.propose': 'Proposing actions',
  'inject.ack': 'Acknowledging pages',
  'inject.reveal': 'Revealing injects',
  'inject.improvise': 'Improvising injects',
  'clock.advance': 'Moving the clock',
  'clock.pace': 'Changing the pace',
  'scene.goto': 'Changing the scene',
  'dice.roll': 'Rolling dice',
  'dice.reveal': 'Revealing a roll',
  'milestone.mark': 'Marking milestones',
  'timeline.post': 'Posting to the timeline',
  'role.request': 'Asking for a role',
  'hand.raise': 'Raising a hand',
};

/** Sentences for a command in a phase where a generic one would read wrong. */
const SPECIAL: Partial<Record<CommandType, Partial<Record<Phase, string>>>> = {
  'session.pause': { paused: 'The game is already paused.' },
  'session.resume': { running: 'The game is already running.' },
  'session.start': {
    running: 'The quest has already started.',
    paused: 'The quest has already started: resume it instead.',
  },
  'session.brief': { briefing: 'The table is already being briefed.', running: 'The quest has already started.' },
  'role.take': {
    briefing: 'Roles are fixed once the briefing begins: ask the facilitator for a role.',
    running: 'Roles are fixed once the briefing begins: ask the facilitator for a role.',
    paused: 'Roles are fixed once the briefing begins: ask the facilitator for a role.',
  },
};

const PHASES: readonly Phase[] = ['lobby', 'briefing', 'running', 'paused', 'debrief', 'ended'];

/**
 * Why `type` cannot be sent in `phase`, in words for the people at the table ("Voting is paused until
 * the facilitator resumes the game."; to the facilitator, "until you resume"). Pure; it judges nothing:
 * call it once the server refused, or to explain a control disabled because the engine would refuse it.
 */
export function phaseRefusal(type: string, phase: Phase, reader: Reader = 'player'): string {
  const special = SPECIAL[type as CommandType]?.[phase];
  if (special) return special;
  const activity = ACTIVITY[type as CommandType];
  switch (phase) {
    case 'paused': {
      const resumer = reader === 'facilitator' ? 'you resume' : 'the facilitator resumes';
      return activity
        ? `${activity} is paused until ${resumer} the game.`
        : `The game is paused: this works again when ${resumer} it.`;
    }
    case 'lobby':
    case 'briefing':
      return activity ? `${activity} opens once the quest starts.` : 'This opens once the quest starts.';
    case 'debrief':
    case 'ended':
      return activity ? `${activity} closed when the quest ended.` : 'The quest is over: this is no longer possible.';
    case 'running':
      return 'This is not possible while the game is running.';
    default:
      return phase satisfies never;
  }
}

/**
 * The message to show for a refused command: a wrong-phase refusal becomes a sentence about what is
 * happening in the game (the phase the server named, else `phase`, the one this client last saw);
 * every other refusal, and one whose phase is `running`, keeps the server's message. Pure.
 */
export function readableRefusal(
  type: string,
  error: { code: string; message: string },
  phase: Phase | null,
  reader: Reader = 'player',
): string {
  if (error.code !== 'wrong-phase') return error.message;
  const named = PHASES.find((p) => new RegExp(`\\bwhile the session is ${p}\\b`).test(error.message));
  const at = named ?? phase;
  // While running, the phase explains nothing (the refusal is about something else): the server's words say more.
  if (at === null || (at === 'running' && !SPECIAL[type as CommandType]?.running)) return error.message;
  return phaseRefusal(type, at, reader);
}
