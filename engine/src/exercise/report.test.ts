import { describe, expect, it } from 'vitest';
import { FACILITATOR, SYSTEM, Table, evaluator, exerciseScenario, player } from '../testing/index.ts';
import { evidenceFiles } from './evidence-files.ts';
import { afterActionReport } from './report-model.ts';
import { afterActionMarkdown } from './report-markdown.ts';

function exercise(): Table {
  const table = new Table(exerciseScenario());
  table.must(FACILITATOR, { type: 'exercise.setup', plan: { name: 'IR plan', version: '4.1' } });
  table.must(SYSTEM, { type: 'evaluator.join', evaluatorId: 'e1', name: 'Eve' });
  table.must(SYSTEM, { type: 'evaluator.join', evaluatorId: 'e2', name: 'Sam' });
  table.seatAndStart(['ic', 'sre', 'comms']);
  table.must(evaluator('e1'), {
    type: 'observation.add',
    kind: 'improvement',
    objective: 'restore',
    note: 'Nobody owned the <script>alert(1)</script> rollback [link](javascript:x)',
    rootCause: 'No runbook | no owner',
  });
  table.must(evaluator('e2'), { type: 'observation.add', kind: 'strength', objective: 'detect', note: 'Fast triage' });
  table.must(FACILITATOR, { type: 'choice.apply', choiceId: 'look' });
  table.must(FACILITATOR, { type: 'session.end', outcome: 'partial' });
  table.must(evaluator('e1'), { type: 'objective.rate', objective: 'detect', rating: 'P', reason: 'Quick' });
  table.must(evaluator('e2'), { type: 'objective.rate', objective: 'detect', rating: 'S', reason: 'Page missed' });
  table.must(evaluator('e1'), {
    type: 'objective.rate',
    objective: 'restore',
    rating: 'U',
    reason: 'Never rolled back',
  });
  table.must(player('p1'), { type: 'feedback.submit', wentWell: 'Calm', toImprove: 'Runbooks', rating: 4 });
  table.must(player('p2'), { type: 'feedback.submit', wentWell: 'Roles', toImprove: 'Paging', rating: 2 });
  return table;
}

describe('the after-action report', () => {
  it('rates each objective by its most challenged evaluator and keeps every reason', () => {
    const report = afterActionReport(exerciseScenario(), exercise().state, 's1');
    expect(report.objectives.map((o) => [o.id, o.rating, o.ratings.length])).toEqual([
      ['detect', 'S', 2],
      ['restore', 'U', 1],
    ]);
    expect(report.feedback).toMatchObject({ forms: 2, average: 3, histogram: [0, 1, 0, 1, 0] });
    expect(report.participants.map((p) => p.kind)).toEqual([
      'facilitator',
      'player',
      'player',
      'player',
      'evaluator',
      'evaluator',
    ]);
    expect(report.controls.pci.filter((e) => e.coveredBy.length > 0).map((e) => e.element)).toEqual([
      'procedures',
      'business-recovery',
    ]);
  });

  it('counts in its executive summary as a reader would write them, one or many', () => {
    const summary = afterActionReport(exerciseScenario(), exercise().state, 's1').summary.join('\n');
    expect(summary).toContain('with 3 players and 2 evaluators.');
    expect(summary).toContain('2 objectives were exercised; 2 were rated (1 S, 1 U).');
    expect(summary).toContain(
      'Evaluators recorded 1 strength and 1 area for improvement; the improvement plan holds 0 corrective actions, 0 of them high priority.',
    );
    expect(summary).toContain('Outcome: partial; the team detected the incident at 02:05 on the game clock.');
  });

  it('has every HSEEP section, and typed text renders as itself', () => {
    const markdown = afterActionMarkdown(afterActionReport(exerciseScenario(), exercise().state, 's1'));
    for (const heading of [
      'Executive summary',
      'Objectives, capabilities and ratings',
      'Analysis of each objective',
      'Improvement plan',
      'Controls exercised',
      'Hot wash',
      'Appendix A: participants',
      'Appendix B: timeline',
      'Sign-off',
    ])
      expect(markdown).toContain(`## ${heading}`);
    expect(markdown).toContain('IR plan, version 4\\.1');
    expect(markdown).not.toContain('<script>');
    expect(markdown).not.toContain('](javascript');
    expect(markdown).toContain('Root cause: No runbook \\| no owner');
    expect(markdown).toMatch(/\| 02:05 \| milestone \| Detected/);
  });

  it('gives the same evidence files for the same log, byte for byte', () => {
    const a = evidenceFiles(exerciseScenario(), exercise().state, 's1');
    const b = evidenceFiles(exerciseScenario(), exercise().state, 's1');
    expect(a.map((f) => f.name)).toEqual([
      'after-action-report.md',
      'improvement-plan.csv',
      'improvement-plan.json',
      'roster.csv',
      'feedback-summary.md',
      'controls.md',
    ]);
    expect(a).toEqual(b);
  });
});
