import type { RollRecord, TimelineEntry, View } from '@chaos-quest/engine';

/**
 * The narration the story told with the command logged at `seq` (a choice's or a check's outcome, and
 * a card it drew), from the timeline entries a view carries; null when it told none. Pure.
 */
export function narrationAt(timeline: readonly TimelineEntry[], seq: number): string | null {
  const told = timeline
    .filter((e) => e.seq === seq && (e.kind === 'narration' || e.kind === 'card'))
    .map((e) => e.text);
  return told.length ? told.join(' ') : null;
}

/** The outcome narration of the move that brought the party into the current scene, if it told one. Pure. */
export function sceneLeadIn(timeline: readonly TimelineEntry[]): string | null {
  const entered = timeline.findLast((e) => e.kind === 'scene');
  return entered ? narrationAt(timeline, entered.seq) : null;
}

/**
 * The roll a screen shows beside the scene: the last one, while it belongs to this scene (it was
 * rolled in it, or on the move that entered it; an older one is history, kept by the timeline),
 * with what it told unless that is the scene's lead-in, which the scene already shows. Pure.
 */
export function currentRoll(
  view: Pick<View, 'rolls' | 'timeline'>,
): { roll: RollRecord; narration: string | null } | null {
  const roll = view.rolls[view.rolls.length - 1];
  if (!roll) return null;
  const entered = view.timeline.findLast((e) => e.kind === 'scene');
  if (entered && roll.seq < entered.seq) return null;
  // Rolled on the move that entered the scene: what it told is the scene's lead-in.
  return { roll, narration: entered?.seq === roll.seq ? null : narrationAt(view.timeline, roll.seq) };
}

/** A natural 20 or a natural 1 on a d20: the moments the table remembers. */
export type Critical = 'critical-success' | 'critical-failure' | null;

/** Whether a roll is a critical: a natural 20 or 1 on a d20 (the total still decides the check). Pure. */
export function criticalOf(roll: Pick<RollRecord, 'dice' | 'natural'>): Critical {
  if (roll.dice !== 'd20') return null;
  return roll.natural === 20 ? 'critical-success' : roll.natural === 1 ? 'critical-failure' : null;
}

/**
 * The closing narration of a finished quest: what was told with the move that ended it (a choice's
 * outcome, or the facilitator's closing line), then the ending's own narration. Pure.
 */
export function closingNarration(view: Pick<View, 'ending' | 'milestones' | 'timeline'>): string[] {
  const ended = view.milestones['ended'];
  const told = ended
    ? view.timeline
        .filter((e) => e.kind === 'narration' && e.at.game === ended.game && e.at.wall === ended.wall)
        .map((e) => e.text)
    : [];
  return [...new Set([...told, ...(view.ending?.narration ? [view.ending.narration] : [])])];
}
