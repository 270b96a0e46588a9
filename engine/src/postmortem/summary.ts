import type { Ending } from '../scenario/schema.ts';
import type { MilestoneRecord } from '../session/state.ts';
import { formatGameMinutes, formatWallDuration, utcDate } from '../time/format.ts';
import { runTimes } from '../time/run-times.ts';
import type { DraftContext } from './draft-context.ts';
import { cell, escapeMarkdown, table } from './escape-markdown.ts';

/** The draft's opening: who played what, when, and how it ended. */
export function header({ scenario, record }: DraftContext): string {
  const played =
    record.startedAt === null
      ? 'not started'
      : `${utcDate(record.startedAt)}${record.endedAt === null ? '' : ` to ${utcDate(record.endedAt)}`}`;
  return table(
    ['', ''],
    [
      ['Team', record.team === null ? '(none given)' : escapeMarkdown(record.team)],
      ['Scenario', `${cell(scenario.title)} (${scenario.difficulty})`],
      ['Played', played],
      ['Outcome', record.outcome ?? 'not reached'],
      ['Roles', cell(record.roles.join(', ') || '(none)')],
    ],
  );
}

/** How a detection source reads in a sentence. */
export const DETECTED_BY: Record<MilestoneRecord['source'], string> = {
  monitoring: 'monitoring',
  customer: 'a customer report',
  team: "the team's own investigation",
  facilitator: 'the facilitator, who marked it',
  scene: 'the story',
  outcome: 'the story',
  page: 'a page',
  scenario: 'the scenario',
};

const after = (from: MilestoneRecord | undefined, to: MilestoneRecord) =>
  from ? `, ${formatGameMinutes(to.game - from.game)} after the fault began` : '';

/** What happened in this run, in a few sentences: the fault, its detection, its end, the outcome. */
export function summary(ctx: DraftContext): string {
  const { scenario, record, at, game } = ctx;
  const { started, detected, mitigated, resolved, ended } = record.milestones;
  if (!started && record.startedAt === null) return '_The session has not started yet._';
  const lines: string[] = [];
  lines.push(
    `${record.team === null ? 'The team' : `Team ${escapeMarkdown(record.team)}`} played a practice incident. What was wrong: ${scenario.fault.summary.replace(/\.?\s*$/, '.')} ` +
      (started
        ? `The fault began at ${at(started.game)} on the game clock${started.game < 0 ? ', before play began' : ''}.`
        : 'Play stopped before the fault began.'),
  );
  if (detected)
    lines.push(
      `It was detected at ${at(detected.game)} through ${DETECTED_BY[detected.source]}${after(started, detected)}.`,
    );
  else if (started) lines.push('The team did not detect it.');
  if (mitigated) lines.push(`It was mitigated at ${at(mitigated.game)}${after(started, mitigated)}.`);
  if (resolved) lines.push(`It was resolved at ${at(resolved.game)}${after(started, resolved)}.`);
  else if (ended && started) lines.push(`It was not resolved when play stopped at ${at(ended.game)}.`);
  const ending: Ending | undefined = record.ending === null ? undefined : game.endings.get(record.ending);
  const counts = `after ${plural(record.decisions.length, 'decision')} and ${plural(record.rolls.length, 'roll')}`;
  if (record.outcome && ending)
    lines.push(
      `The session reached ${ending.title ? `the ending “${ending.title}” (${record.outcome})` : `its ${record.outcome} ending`} ${counts}.`,
    );
  else if (record.outcome) lines.push(`The facilitator ended the session early (${record.outcome}) ${counts}.`);
  else lines.push(`The session is still going, ${counts} so far.`);
  return `${lines.join(' ')}${ending?.narration ? `\n\n> ${ending.narration.replace(/\n/g, '\n> ')}` : ''}`;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** How long it lasted, what it hurt and who felt it, with this run's times on both clocks. */
export function impact(ctx: DraftContext): string {
  const { scenario, record, at, component, worst } = ctx;
  const { started, mitigated, resolved, ended } = record.milestones;
  const lines: string[] = [];
  const over = resolved ?? mitigated;
  if (started && over)
    lines.push(
      `- Duration: ${formatGameMinutes(over.game - started.game)} on the game clock, from the onset at ${at(started.game)} to its ${resolved ? 'resolution' : 'mitigation'} at ${at(over.game)}.`,
    );
  else if (started && ended)
    lines.push(
      `- Duration: at least ${formatGameMinutes(ended.game - started.game)}: still going when play stopped at ${at(ended.game)}.`,
    );
  else if (!started) lines.push('- Duration: the fault had not begun.');
  const impactAt = scenario.fault.impact_at;
  if (started && impactAt !== undefined && impactAt !== scenario.fault.starts_at)
    lines.push(`- Users first felt it at ${at(impactAt)}.`);
  lines.push(`- Services: ${scenario.services.join(', ')}.`);
  lines.push(`- Where the fault was: ${scenario.fault.affects.map(component).join(', ')}.`);
  const kinds = new Map(scenario.system.components.map((c) => [c.id, c.kind]));
  const hurt = [...worst].filter(([, h]) => h !== 'ok');
  const people = hurt.filter(([id]) => kinds.get(id) === 'client' || kinds.get(id) === 'external');
  const systems = hurt.filter((entry) => !people.includes(entry));
  const list = (entries: typeof hurt) => entries.map(([id, h]) => `${component(id)} (${h})`).join(', ');
  if (systems.length) lines.push(`- What it affected: ${list(systems)}.`);
  lines.push(
    people.length
      ? `- Who felt it: ${list(people)}.`
      : `- Who felt it: the users of ${scenario.services.join(', ')} (the story marked no client as hurt).`,
  );
  const rows = runTimes(record.milestones).map(({ label, span }) =>
    span ? [label, formatGameMinutes(span.game), formatWallDuration(span.wall)] : [label, 'not reached', 'not reached'],
  );
  return `${lines.join('\n')}\n\n${table(['This run', 'Game clock', 'Wall clock'], rows)}`;
}
