import { useMemo } from 'react';
import type { PublicView } from '@chaos-quest/engine';
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
      ...view.injects.filter((i) => i.key.startsWith('alert:')).map((i) => ({ minute: i.at.game, label: i.key.startsWith('alert:baseline:') ? 'baseline' : 'alert', color: '#b54708' })),
      ...marks,
    ],
    [view.injects, marks],
  );
  if (!telemetry) return null;
  return (
    <Panel title="Dashboards" icon="pulse">
      <div className="dashboards">
        {telemetry.metrics.map((metric) => (
          <MetricChart key={metric.id} metric={metric} clockAt={clockAt} marks={alertMarks} />
        ))}
      </div>
    </Panel>
  );
}
