import type { Scenario } from '../scenario/schema.ts';
import type { SessionState } from '../session/state.ts';
import { detection } from './detection.ts';
import { draftContext } from './draft-context.ts';
import { actionItems, contributingFactors, gotLucky, wasHard, wentWell } from './factors.ts';
import { eventLog, storyTimeline } from './story.ts';
import { header, impact, summary } from './summary.ts';

/** The draft's sections, in the order a blameless post-mortem reads. */
export const POSTMORTEM_SECTIONS = [
  'Summary',
  'Impact',
  'Detection',
  'Contributing factors',
  'What went well',
  'What was hard',
  'Where we got lucky',
  'Action items',
  'Timeline',
  'Appendix: event log',
] as const;

/**
 * The post-mortem draft of a session as Markdown, in a blameless post-mortem's shape: what happened in
 * this run, its impact, how it was detected and what was missed, the contributing factors (the fault,
 * the decisions and the rolls), what went well, what was hard and where the team got lucky (the
 * debrief's notes), the action items with owner and priority, a story timeline of the beats that
 * mattered, and the full shared event log in an appendix.
 *
 * Names no one in the prose (a seat is its role) and writes no session id, hash or scene id. Every
 * time is as the game clock shows it, with the day once an exercise runs past midnight; every
 * duration goes through the formatter the screens use. Text typed during the session (the team
 * label, notes, improvised injects, action items…) is escaped so it renders as itself; the
 * scenario's own text is the author's Markdown. Works for an unfinished session too. Pure.
 */
export function postmortemDraft(scenario: Scenario, state: SessionState): string {
  const ctx = draftContext(scenario, state);
  const bodies: Record<(typeof POSTMORTEM_SECTIONS)[number], string> = {
    Summary: summary(ctx),
    Impact: impact(ctx),
    Detection: detection(ctx),
    'Contributing factors': contributingFactors(ctx),
    'What went well': wentWell(ctx),
    'What was hard': wasHard(ctx),
    'Where we got lucky': gotLucky(ctx),
    'Action items': actionItems(ctx),
    Timeline: storyTimeline(ctx),
    'Appendix: event log': eventLog(ctx),
  };
  return (
    [
      `# Post-mortem (draft): ${scenario.title}`,
      '> A practice incident from a Chaos Quest game day. Blameless by design: this is about how our systems and processes behaved, not about who did what.',
      header(ctx),
      ...POSTMORTEM_SECTIONS.map((title) => `## ${title}\n\n${bodies[title]}`),
    ].join('\n\n') + '\n'
  );
}
