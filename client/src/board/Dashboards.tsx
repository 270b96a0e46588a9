import { useMemo } from 'react';
import type { DetectionStory, MetricPoints, PublicView } from '@chaos-quest/engine';
import { useTelemetry } from '../session/SessionProvider.tsx';
import { gameClockAt } from '../time/format.ts';
import { Panel } from '../ui/Panel.tsx';
import { MetricChart } from './MetricChart.tsx';

interface Props {
  view: Pick<PublicView, 'clock' | 'milestones' | 'injects'>;
}

type Mark = { minute: number; label: string; color: string };

/** The pages a metric's own alerts sent: its fixed rules' and its dynamic baseline's. */
function liveMarks(injects: PublicView['injects'], metric: MetricPoints): Mark[] {
  const keys = new Set([`alert:baseline:${metric.id}`, ...metric.thresholds.map((t) => `alert:rule:${t.id}`)]);
  return injects
    .filter((i) => keys.has(i.key))
    .map((i) => ({
      minute: i.at.game,
      label: i.key.startsWith('alert:baseline:') ? 'baseline' : 'alert',
      color: '#b54708',
    }));
}

/**
 * The scenario's dashboards: a chart per metric up to the current game minute (the server never
 * sends a later point), with the alerts that fired on it marked. Nothing when the scenario has no telemetry.
 */
export default function Dashboards({ view }: Props) {
  const refetch = `${view.milestones['mitigated']?.game ?? ''}|${view.milestones['resolved']?.game ?? ''}`;
  const telemetry = useTelemetry(view.clock.minutes, refetch);
  const clockAt = useMemo(() => (minute: number) => gameClockAt(view.clock, minute), [view.clock]);
  // One array per metric, kept while its inputs stand: a chart redraws only when its marks change.
  const marks = useMemo(
    () =>
      new Map(
        (telemetry ? telemetry.metrics : []).map((metric) => [
          metric.id,
          telemetry && telemetry.story ? storyMarks(telemetry.story, metric.id) : liveMarks(view.injects, metric),
        ]),
      ),
    [telemetry, view.injects],
  );
  // Live: the last hour and a half, the part a team watches. The debrief: from just before the
  // earliest signal (or the fault) to the end, so every mark of the story is in view.
  const range = useMemo((): [number, number] => {
    if (!telemetry) return [0, 0];
    const story = telemetry.story;
    const earliest = story ? Math.min(story.onset, ...story.firings.map((f) => f.minute)) - 20 : telemetry.upTo - 90;
    return [Math.max(telemetry.first, earliest), telemetry.upTo];
  }, [telemetry]);
  if (!telemetry) return null;
  const story = telemetry.story;
  return (
    <Panel title={story ? 'What could have told you' : 'Dashboards'} icon="pulse">
      {story ? (
        <StorySentence
          story={story}
          clockAt={clockAt}
          metricName={(id) => telemetry.metrics.find((m) => m.id === id)?.name ?? id}
        />
      ) : null}
      <div className="dashboards">
        {telemetry.metrics.map((metric) => (
          <MetricChart
            key={metric.id}
            metric={metric}
            clockAt={clockAt}
            marks={marks.get(metric.id) ?? NO_MARKS}
            range={range}
          />
        ))}
      </div>
    </Panel>
  );
}

const NO_MARKS: Mark[] = [];

/** The debrief's marks on one metric: the fault's onset, each alert that fired on it, and the team's detection. */
function storyMarks(story: DetectionStory, metric: string): Mark[] {
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
function StorySentence({
  story,
  clockAt,
  metricName,
}: {
  story: DetectionStory;
  clockAt: (minute: number) => string;
  metricName: (id: string) => string;
}) {
  const { baseline, detected } = story;
  // What it flagged, by name: a scenario's early signs may come before the fault's own onset, and
  // "flagged it" ten minutes before "the fault began" would read as a contradiction.
  const flagged =
    baseline && `The dynamic baseline flagged ${metricName(baseline.metric)} at ${clockAt(baseline.minute)}`;
  const detection = detected
    ? `You detected it at ${clockAt(detected.minute)} (${detected.source}).`
    : 'The team never detected it.';
  const lead =
    baseline === null
      ? 'The dynamic baseline did not flag it.'
      : baseline.leadMinutes === null
        ? `${flagged}.`
        : baseline.leadMinutes > 0
          ? `${flagged}, ${baseline.leadMinutes} minutes before you.`
          : `${flagged}, ${-baseline.leadMinutes} minutes after you.`;
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
