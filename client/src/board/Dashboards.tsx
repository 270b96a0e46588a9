import { useMemo } from 'react';
import type { DetectionStory, PublicView } from '@chaos-quest/engine';
import { useTelemetry } from '../session/SessionProvider.tsx';
import { gameClockAt } from '../time/format.ts';
import { Panel } from '../ui/Panel.tsx';
import { MetricChart } from './MetricChart.tsx';

interface Props {
  view: Pick<PublicView, 'clock' | 'milestones' | 'injects'>;
  /** Extra moments to mark (the debrief marks the fault's onset and the detection). */
  marks?: readonly { minute: number; label: string; color: string }[];
}

/**
 * The scenario's dashboards: a chart per metric up to the current game minute (the server never
 * sends a later point), with the alerts that fired marked. Nothing when the scenario has no telemetry.
 */
export default function Dashboards({ view, marks = [] }: Props) {
  const refetch = `${view.milestones['mitigated']?.game ?? ''}|${view.milestones['resolved']?.game ?? ''}`;
  const telemetry = useTelemetry(view.clock.minutes, refetch);
  const clockAt = useMemo(() => (minute: number) => gameClockAt(view.clock, minute), [view.clock]);
  const alertMarks = useMemo(
    () => [
      ...view.injects
        .filter((i) => i.key.startsWith('alert:'))
        .map((i) => ({
          minute: i.at.game,
          label: i.key.startsWith('alert:baseline:') ? 'baseline' : 'alert',
          color: '#b54708',
        })),
      ...marks,
    ],
    [view.injects, marks],
  );
  if (!telemetry) return null;
  const story = telemetry.story;
  // Live: the last hour and a half, the part a team watches. The debrief: from just before the
  // earliest signal (or the fault) to the end, so every mark of the story is in view.
  const earliest = story ? Math.min(story.onset, ...story.firings.map((f) => f.minute)) - 20 : telemetry.upTo - 90;
  const range: [number, number] = [Math.max(telemetry.first, earliest), telemetry.upTo];
  return (
    <Panel title={story ? 'What could have told you' : 'Dashboards'} icon="pulse">
      {story ? <StorySentence story={story} clockAt={clockAt} /> : null}
      <div className="dashboards">
        {telemetry.metrics.map((metric) => (
          <MetricChart
            key={metric.id}
            metric={metric}
            clockAt={clockAt}
            marks={story ? storyMarks(story, metric.id) : alertMarks}
            range={range}
          />
        ))}
      </div>
    </Panel>
  );
}

/** The debrief's marks on one metric: the fault's onset, each alert that fired on it, and the team's detection. */
function storyMarks(story: DetectionStory, metric: string) {
  return [
    { minute: story.onset, label: 'fault', color: '#b42318' },
    ...(story.impact !== story.onset ? [{ minute: story.impact, label: 'users hit', color: '#b42318' }] : []),
    ...story.firings
      .filter((f) => f.metric === metric)
      .map((f) => ({ minute: f.minute, label: f.kind === 'baseline' ? 'baseline' : 'alert', color: '#b54708' })),
    ...(story.detected ? [{ minute: story.detected.minute, label: 'you detected', color: '#067647' }] : []),
  ];
}

/** The detection picture in words, the way the post-mortem says it. */
function StorySentence({ story, clockAt }: { story: DetectionStory; clockAt: (minute: number) => string }) {
  const { baseline, detected } = story;
  const detection = detected
    ? `You detected it at ${clockAt(detected.minute)} (${detected.source}).`
    : 'The team never detected it.';
  const lead =
    baseline === null
      ? 'The dynamic baseline did not flag it.'
      : baseline.leadMinutes === null
        ? `The dynamic baseline flagged it at ${clockAt(baseline.minute)}.`
        : baseline.leadMinutes > 0
          ? `The dynamic baseline flagged it at ${clockAt(baseline.minute)}, ${baseline.leadMinutes} minutes before you.`
          : `The dynamic baseline flagged it at ${clockAt(baseline.minute)}, ${-baseline.leadMinutes} minutes after you.`;
  const impact = story.impact === story.onset ? '' : ` Users felt it from ${clockAt(story.impact)}.`;
  const early =
    baseline && baseline.beforeImpact > 0 ? ` That was ${baseline.beforeImpact} minutes before users felt it.` : '';
  return (
    <p className="story">
      The fault began at {clockAt(story.onset)}.{impact} {detection} {lead}
      {early}
    </p>
  );
}
