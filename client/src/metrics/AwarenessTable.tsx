import type { Awareness, Comparison } from '@chaos-quest/engine';
import { FIGURE_DEFINITIONS } from '@chaos-quest/engine/client';
import { ScrollTable } from '../ui/ScrollTable.tsx';
import { percent } from './format-figure.ts';

const ROWS: { key: keyof Omit<Awareness, 'total'>; label: string }[] = [
  { key: 'monitoring', label: 'Monitoring' },
  { key: 'customer', label: 'Customers' },
  { key: 'team', label: 'The team' },
  { key: 'facilitator', label: 'The facilitator' },
  { key: 'undetected', label: 'Not detected or not recorded' },
];

function Share({ awareness, k }: { awareness: Awareness; k: keyof Omit<Awareness, 'total'> }) {
  return (
    <td>
      {percent(awareness[k], awareness.total)}{' '}
      <small>
        {awareness[k]} of {awareness.total}
      </small>
    </td>
  );
}

/** The awareness question: who noticed first, monitoring or customers, in practice and for real. */
export function AwarenessTable({ comparison }: { comparison: Comparison }) {
  const { practice, real } = comparison;
  return (
    <>
      <p className="figure-note" title={FIGURE_DEFINITIONS.awareness.real ?? ''}>
        Are you avoiding incidents because your system is that good, because you are unaware, or because you are lucky?
        A high share detected by customers says monitoring is missing what matters. The last two columns split the
        practice runs of scenarios with telemetry by what paged the team.
      </p>
      <ScrollTable label="Who noticed first" className="figure-table awareness-table">
        <thead>
          <tr>
            <th scope="col">Detected by</th>
            <th scope="col">Practice runs</th>
            <th scope="col">Real incidents</th>
            <th scope="col">Practice, fixed alerts only</th>
            <th scope="col">Practice, with the dynamic baseline</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(({ key, label }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <Share awareness={practice.awareness} k={key} />
              <Share awareness={real.awareness} k={key} />
              <Share awareness={practice.awarenessByMonitoring.thresholds} k={key} />
              <Share awareness={practice.awarenessByMonitoring['thresholds+baseline']} k={key} />
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </>
  );
}
