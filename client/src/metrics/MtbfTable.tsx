import type { Mtbf } from '@chaos-quest/engine';
import { FIGURE_DEFINITIONS } from '@chaos-quest/engine/client';
import { formatDate } from '../time/format.ts';
import { ScrollTable } from '../ui/ScrollTable.tsx';
import { formatLongDuration } from './format-figure.ts';

/** MTBF per service from real incidents only: the window's length over the real incidents on that service in it. */
export function MtbfTable({ mtbf }: { mtbf: Mtbf }) {
  const services = Object.entries(mtbf.services);
  if (!mtbf.window || services.length === 0) {
    return (
      <p className="empty">No real incidents imported yet: MTBF comes from real incidents only, never from practice.</p>
    );
  }
  return (
    <>
      <p className="figure-note">
        {FIGURE_DEFINITIONS.mtbf.real} Window: {formatDate(mtbf.window.from)} to {formatDate(mtbf.window.to)}.
      </p>
      <ScrollTable label="Mean time between failures" className="figure-table">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Real incidents</th>
            <th scope="col">MTBF (real time)</th>
          </tr>
        </thead>
        <tbody>
          {services.map(([service, { incidents, ms }]) => (
            <tr key={service}>
              <th scope="row">{service}</th>
              <td>{incidents}</td>
              <td>{ms === null ? '–' : formatLongDuration(ms)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </>
  );
}
