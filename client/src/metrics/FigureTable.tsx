import type { Figure, Metrics, Summary } from '@chaos-quest/engine';
import { formatGameMinutes, formatWallDuration } from '../time/format.ts';
import { FIGURE_ANCHORS, type FigureKey } from './trend-series.ts';
import { ScrollTable } from '../ui/ScrollTable.tsx';

const ROWS: { key: FigureKey; short: string }[] = [
  { key: 'mttd', short: 'MTTD' },
  { key: 'mtta', short: 'MTTA' },
  { key: 'mttm', short: 'MTTM' },
  { key: 'mttr', short: 'MTTR' },
];

function cells(summary: Summary, format: (n: number) => string) {
  const f = (n: number | null) => (n === null ? '–' : format(n));
  return (
    <>
      <td>{f(summary.median)}</td>
      <td>{f(summary.p90)}</td>
      <td>{f(summary.mean)}</td>
    </>
  );
}

/** MTTD, MTTA, MTTM and MTTR: median, p90, mean and count, on the game clock and the wall clock. */
export function FigureTable({ metrics }: { metrics: Metrics }) {
  return (
    <ScrollTable label="Mean times" className="figure-table">
      <thead>
        <tr>
          <th rowSpan={2} scope="col">
            Figure
          </th>
          <th rowSpan={2} scope="col">
            Runs
          </th>
          <th colSpan={3} scope="colgroup">
            Game clock
          </th>
          <th colSpan={3} scope="colgroup">
            Wall clock
          </th>
        </tr>
        <tr>
          <th scope="col">median</th>
          <th scope="col">p90</th>
          <th scope="col">mean</th>
          <th scope="col">median</th>
          <th scope="col">p90</th>
          <th scope="col">mean</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map(({ key, short }) => {
          const figure: Figure = metrics[key];
          return (
            <tr key={key}>
              <th scope="row">
                {short} <small>{FIGURE_ANCHORS[key].label.toLowerCase()}</small>
              </th>
              <td>{figure.game.count}</td>
              {cells(figure.game, formatGameMinutes)}
              {cells(figure.wall, formatWallDuration)}
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
