import type { Metrics } from '@chaos-quest/engine';
import { formatWallDuration } from '../time/format.ts';
import { ScrollTable } from '../ui/ScrollTable.tsx';

/** MTBF per service: the window's length over the practice incidents on that service in it. */
export function MtbfTable({ metrics }: { metrics: Metrics }) {
  const services = Object.entries(metrics.mtbf);
  if (services.length === 0) return <p className="loading">No practice incidents in this selection yet.</p>;
  return (
    <ScrollTable label="Mean time between failures" className="figure-table">
      <thead>
        <tr>
          <th scope="col">Service</th>
          <th scope="col">Incidents</th>
          <th scope="col">MTBF (wall clock)</th>
        </tr>
      </thead>
      <tbody>
        {services.map(([service, { incidents, wallMs }]) => (
          <tr key={service}>
            <th scope="row">{service}</th>
            <td>{incidents}</td>
            <td>{wallMs === null ? '–' : formatWallDuration(wallMs)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
