import type { Comparison, FigureSummary, RealFigureId } from '@chaos-quest/engine';
import { FIGURE_DEFINITIONS, REAL_FIGURE_IDS } from '@chaos-quest/engine/client';
import { ScrollTable } from '../ui/ScrollTable.tsx';
import { formatValue, nOfN } from './format-figure.ts';

function Cell({ figure }: { figure: FigureSummary | undefined }) {
  if (!figure || figure.of === 0) return <td className="muted">–</td>;
  if (figure.count === 0) {
    return (
      <td className="muted">
        not reached <small className="n-of-n">{nOfN(figure)}</small>
      </td>
    );
  }
  return (
    <td>
      {formatValue(figure.median, figure.unit)} <small>p90 {formatValue(figure.p90, figure.unit)}</small>
      <small className="n-of-n">{nOfN(figure)}</small>
    </td>
  );
}

/** MTTD, MTTA, MTTM and MTTR per service or per team: median and p90 (with n of N), practice beside real. */
export function GroupTable({ comparison, by }: { comparison: Comparison; by: 'service' | 'team' }) {
  const practice = by === 'service' ? comparison.practice.byService : comparison.practice.byTeam;
  const real = by === 'service' ? comparison.real.byService : comparison.real.byTeam;
  const groups = [...new Set([...Object.keys(practice), ...Object.keys(real)])].sort((a, b) => a.localeCompare(b));
  const label = by === 'service' ? 'Per service' : 'Per team';
  if (groups.length === 0) return <p className="empty">Nothing to group yet.</p>;
  return (
    <ScrollTable label={label} className="figure-table group-table">
      <thead>
        <tr>
          <th rowSpan={2} scope="col">
            {by === 'service' ? 'Service' : 'Team'}
          </th>
          {REAL_FIGURE_IDS.map((id) => (
            <th key={id} colSpan={2} scope="colgroup" title={FIGURE_DEFINITIONS[id].practice}>
              {FIGURE_DEFINITIONS[id].short}
            </th>
          ))}
        </tr>
        <tr>
          {REAL_FIGURE_IDS.flatMap((id) => [
            <th key={`${id}-p`} scope="col">
              Practice
            </th>,
            <th key={`${id}-r`} scope="col">
              Real
            </th>,
          ])}
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group}>
            <th scope="row">{group}</th>
            {REAL_FIGURE_IDS.flatMap((id: RealFigureId) => [
              <Cell key={`${id}-p`} figure={practice[group]?.[id]} />,
              <Cell key={`${id}-r`} figure={real[group]?.[id]} />,
            ])}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
