import type { Comparison, FigureId, FigureSummary } from '@chaos-quest/engine';
import { FIGURE_DEFINITIONS, FIGURE_IDS, REAL_FIGURE_IDS } from '@chaos-quest/engine/client';
import { ScrollTable } from '../ui/ScrollTable.tsx';
import { formatValue, nOfN } from './format-figure.ts';

const isReal = (id: FigureId): id is (typeof REAL_FIGURE_IDS)[number] =>
  (REAL_FIGURE_IDS as readonly string[]).includes(id);

function Cells({ figure }: { figure: FigureSummary | null }) {
  if (!figure)
    return (
      <td colSpan={4} className="muted">
        not defined for real incidents
      </td>
    );
  return (
    <>
      <td>{nOfN(figure)}</td>
      <td>{formatValue(figure.median, figure.unit)}</td>
      <td>{formatValue(figure.p90, figure.unit)}</td>
      <td>{formatValue(figure.mean, figure.unit)}</td>
    </>
  );
}

/**
 * Every duration figure, practice beside real: n of N (runs that reached the milestone of all runs),
 * then median, p90 and mean over those n. The clock column says what each practice figure measures.
 */
export function FigureTable({ comparison }: { comparison: Comparison }) {
  return (
    <ScrollTable label="Practice and real figures" className="figure-table">
      <thead>
        <tr>
          <th rowSpan={2} scope="col">
            Figure
          </th>
          <th rowSpan={2} scope="col">
            Practice clock
          </th>
          <th colSpan={4} scope="colgroup">
            Practice runs
          </th>
          <th colSpan={4} scope="colgroup">
            Real incidents (real time)
          </th>
        </tr>
        <tr>
          {['Reached', 'Median', 'p90', 'Mean', 'Reached', 'Median', 'p90', 'Mean'].map((h, i) => (
            <th key={i} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {FIGURE_IDS.map((id) => {
          const def = FIGURE_DEFINITIONS[id];
          return (
            <tr key={id} className={def.clock === 'wall' ? 'wall-figure' : undefined}>
              <th scope="row" title={def.practice}>
                {def.short} <small>{def.name}</small>
              </th>
              <td>{def.clock === 'game' ? 'game clock' : 'wall clock'}</td>
              <Cells figure={comparison.practice.figures[id]} />
              <Cells figure={isReal(id) ? comparison.real.figures[id] : null} />
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
