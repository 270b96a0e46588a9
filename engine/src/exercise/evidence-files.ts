import type { Scenario } from '../scenario/schema.ts';
import type { SessionState } from '../session/state.ts';
import { trackedActions, trackerCsv } from './corrective-tracker.ts';
import { csvDocument } from './csv.ts';
import { afterActionReport } from './report-model.ts';
import { afterActionMarkdown, controlsMarkdown, feedbackMarkdown } from './report-markdown.ts';

/** One file of an exercise's evidence pack. */
export interface EvidenceFile {
  name: string;
  text: string;
}

/**
 * The files of an exercise's evidence pack that the engine writes from the session: the AAR/IP, the
 * improvement plan (a tracker's CSV and JSON, as agreed at the table: the live lifecycle is the
 * tracker's), the roster, the hot wash's summary and the controls page. The server adds the log
 * and the incident record and the manifest of hashes. The same state gives the same bytes. Pure.
 */
export function evidenceFiles(scenario: Scenario, state: SessionState, sessionId: string): EvidenceFile[] {
  const report = afterActionReport(scenario, state, sessionId);
  const titles = new Map(report.objectives.map((o) => [o.id, o.title]));
  const plan = trackedActions(state, sessionId, scenario.id, titles);
  const title = `${report.scenario.title}, session ${sessionId}`;
  return [
    { name: 'after-action-report.md', text: afterActionMarkdown(report) },
    { name: 'improvement-plan.csv', text: trackerCsv(plan) },
    { name: 'improvement-plan.json', text: `${JSON.stringify(plan, null, 2)}\n` },
    {
      name: 'roster.csv',
      text: csvDocument(
        ['Name', 'Seat', 'Role', 'Joined (UTC)'],
        report.participants.map((p) => [p.name, p.kind, p.role ?? '', p.joined]),
      ),
    },
    { name: 'feedback-summary.md', text: `# Hot wash: ${title}\n\n${feedbackMarkdown(report)}\n` },
    { name: 'controls.md', text: `# Controls exercised: ${title}\n\n${controlsMarkdown(report.controls)}\n` },
  ];
}
