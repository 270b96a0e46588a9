import type { ControlCoverage } from './controls-coverage.ts';
import { escapeMarkdown as esc, table, cell as author } from '../postmortem/escape-markdown.ts';
import { RATING_LABELS } from './ratings.ts';
import type { AfterActionReport, ObjectiveReport, ObservationLine } from './report-model.ts';

/**
 * The after-action report and improvement plan as Markdown, in HSEEP's order: overview, executive
 * summary, objectives and capabilities with ratings, analysis per objective (strengths, areas for
 * improvement with root cause), the improvement plan matrix, participants, timeline on both clocks,
 * the hot wash, and the sign-off block. Text typed during the session is escaped to render as
 * itself; the scenario's text is the author's. Pure.
 */
export function afterActionMarkdown(report: AfterActionReport): string {
  return (
    [
      `# After-action report and improvement plan: ${author(report.scenario.title)}`,
      overview(report),
      section('Executive summary', report.summary.map(esc).join('\n\n')),
      section('Objectives, capabilities and ratings', objectivesTable(report.objectives)),
      section('Analysis of each objective', report.objectives.map(analysis).join('\n\n') || '_No objectives._'),
      section('Improvement plan', improvementPlan(report)),
      section('Controls exercised', controlsMarkdown(report.controls)),
      section('Hot wash', feedbackMarkdown(report)),
      section('Appendix A: participants', participants(report)),
      section('Appendix B: timeline', timeline(report)),
      section('Sign-off', signOff(report)),
    ].join('\n\n') + '\n'
  );
}

const section = (title: string, body: string) => `## ${title}\n\n${body}`;
const rating = (r: ObjectiveReport['rating']) => (r ? `${r}: ${RATING_LABELS[r]}` : 'not rated');

function overview(report: AfterActionReport): string {
  const plan = report.plan ? `${esc(report.plan.name)}, version ${esc(report.plan.version)}` : '(not named)';
  return table(
    ['', ''],
    [
      ['Exercise', `${author(report.scenario.title)} (scenario \`${report.scenario.id}\`)`],
      ['Plan under test', plan],
      ['Team', report.team === null ? '(none given)' : esc(report.team)],
      ['Played', `${report.played.from ?? 'not started'}${report.played.to ? ` to ${report.played.to}` : ''}`],
      ['Outcome', report.outcome ?? 'not reached'],
      ['Session', `\`${report.sessionId}\``],
      ['Scenario SHA-256', `\`${report.scenario.hash}\``],
      [
        'Status',
        report.signOff ? `Signed off by ${esc(report.signOff.name)}, ${report.signOff.at}` : 'Draft: not signed off',
      ],
    ],
  );
}

function objectivesTable(objectives: ObjectiveReport[]): string {
  if (objectives.length === 0) return '_This exercise declared no objectives._';
  return table(
    ['Objective', 'Capability', 'Rating', 'Critical tasks'],
    objectives.map((o) => [
      author(o.title),
      author(o.capability),
      rating(o.rating),
      o.tasks.map((t) => `${author(t.text)} (${t.status}${t.check ? `: ${t.check}` : ''})`).join('; '),
    ]),
  );
}

function observations(lines: ObservationLine[], withCause: boolean): string {
  if (lines.length === 0) return '- _None recorded._';
  return lines
    .map((l) => {
      const cause = withCause ? `\n  - Root cause: ${l.rootCause ? esc(l.rootCause) : '_not analysed_'}` : '';
      const when = `${l.game} game, ${l.wall}${l.inject ? `; after "${esc(l.inject)}"` : ''}`;
      return `- ${esc(l.note)} (${esc(l.by)}, ${when})${cause}`;
    })
    .join('\n');
}

function analysis(o: ObjectiveReport): string {
  const reasons =
    o.ratings.map((r) => `- ${esc(r.by)}: **${r.rating}**, ${esc(r.reason)}`).join('\n') || '- _No ratings._';
  return [
    `### ${author(o.title)}`,
    `Capability: ${author(o.capability)}. Rating: **${rating(o.rating)}** (the most challenged of the evaluators' ratings).`,
    `Ratings by evaluator:\n\n${reasons}`,
    `Strengths:\n\n${observations(o.strengths, false)}`,
    `Areas for improvement:\n\n${observations(o.areas, true)}`,
  ].join('\n\n');
}

function improvementPlan(report: AfterActionReport): string {
  if (report.improvementPlan.length === 0) return '_No corrective actions were agreed._';
  return table(
    [
      'Objective',
      'Issue',
      'Corrective action',
      'Capability element',
      'Priority',
      'Responsible',
      'Organisation',
      'Start',
      'Due',
    ],
    report.improvementPlan.map((a) => [
      a.objectiveTitle === null ? 'General' : author(a.objectiveTitle),
      esc(a.issue),
      esc(a.action),
      a.element,
      a.priority,
      esc(a.owner),
      esc(a.organisation),
      a.start,
      a.due,
    ]),
  );
}

/** The controls page of the evidence pack: each tag with what covered it, and PCI 12.10.1 element by element. Pure. */
export function controlsMarkdown(coverage: ControlCoverage): string {
  if (coverage.tags.length === 0) return '_The scenario declares no control tags._';
  const tags = table(
    ['Control', 'Framework', 'Covered by (rating)'],
    coverage.tags.map((t) => [
      `\`${t.tag}\``,
      author(t.name),
      t.coveredBy.map((c) => `${author(c.objective)}${c.rating ? ` (${c.rating})` : ''}`).join('; '),
    ]),
  );
  const covered = coverage.pci.filter((e) => e.coveredBy.length > 0).length;
  const pci = table(
    ['PCI DSS 12.10.1 element', 'Covered by'],
    coverage.pci.map((e) => [author(e.requirement), e.coveredBy.map(author).join('; ') || '**not covered**']),
  );
  return `${tags}\n\n${covered} of ${coverage.pci.length} elements of PCI DSS 12.10.1 were exercised:\n\n${pci}`;
}

/** The hot wash's forms and votes, as the report and the evidence pack's feedback summary print them. Pure. */
export function feedbackMarkdown(report: AfterActionReport): string {
  const f = report.feedback;
  if (f.forms === 0) return '_No feedback forms were sent._';
  const by = (name: string | null) => (name === null ? '' : ` (${esc(name)})`);
  return [
    `${f.forms} forms${f.anonymous ? ', anonymous' : ''}; average rating of the exercise ${f.average} of 5 (${f.histogram.map((n, i) => `${i + 1}: ${n}`).join(', ')}).`,
    `What went well:\n\n${f.wentWell.map((w) => `- ${esc(w.text)}${by(w.by)}`).join('\n')}`,
    `What to improve, by the table's votes:\n\n${f.toImprove.map((w) => `- ${esc(w.text)}${by(w.by)}: ${w.votes} votes`).join('\n')}`,
  ].join('\n\n');
}

function participants(report: AfterActionReport): string {
  return table(
    ['Name', 'Seat', 'Role', 'Joined'],
    report.participants.map((p) => [esc(p.name), p.kind, p.role ? author(p.role) : '(none)', p.joined]),
  );
}

function timeline(report: AfterActionReport): string {
  if (report.timeline.length === 0) return '_Nothing happened yet._';
  return table(
    ['Wall clock', 'Game clock', 'What', 'Event'],
    report.timeline.map((t) => [t.wall, t.game, t.kind, esc(t.text)]),
  );
}

function signOff(report: AfterActionReport): string {
  if (!report.signOff)
    return 'Not signed off. The facilitator signs off once the ratings and the improvement plan are agreed; the record is then frozen.';
  return table(
    ['Signed off by', 'At', 'Effect'],
    [[esc(report.signOff.name), report.signOff.at, 'The exercise record is frozen: later edits are refused.']],
  );
}
