import { useId, useMemo, useState } from 'react';
import type { FigureId, MetricsFilter, PublishedRecord, RunAnnotation } from '@chaos-quest/engine';
import { FIGURE_DEFINITIONS, FIGURE_IDS, trendsOf } from '@chaos-quest/engine/client';
import { TrendChart } from './TrendChart.tsx';

interface Props {
  records: readonly PublishedRecord[];
  filter: MetricsFilter;
  annotations: readonly RunAnnotation[];
}

/** The game-clock figures first: they measure the team; the wall-clock ones come last, labelled. */
const CHOICES = [...FIGURE_IDS].sort(
  (a, b) => Number(FIGURE_DEFINITIONS[a].clock === 'wall') - Number(FIGURE_DEFINITIONS[b].clock === 'wall'),
);

/**
 * Trends per team per scenario across game days, each scenario against its own baseline (the
 * median of its runs), so a team compares itself with the same quest. Drawn with uPlot, which loads
 * with the metrics page (itself loaded on demand), never with the player's screen.
 */
export default function Trends({ records, filter, annotations }: Props) {
  const [figure, setFigure] = useState<FigureId>('reaction');
  const id = useId();
  const trends = useMemo(() => trendsOf(records, figure, filter, annotations), [records, figure, filter, annotations]);
  const def = FIGURE_DEFINITIONS[figure];
  return (
    <div className="trends">
      <span className="field small-field">
        <label htmlFor={id}>Figure</label>
        <select id={id} value={figure} onChange={(e) => setFigure(e.target.value as FigureId)}>
          {CHOICES.map((f) => (
            <option key={f} value={f}>
              {FIGURE_DEFINITIONS[f].short} · {FIGURE_DEFINITIONS[f].name}
              {FIGURE_DEFINITIONS[f].clock === 'wall' ? ' (wall clock)' : ''}
            </option>
          ))}
        </select>
      </span>
      <p className="figure-note">
        {def.practice} The dashed line is each scenario’s baseline: the median of its runs, every team’s. Lower is
        better.
      </p>
      {trends.length === 0 ? (
        <p className="empty">No practice runs match.</p>
      ) : (
        <div className="trend-grid">
          {trends.map((t) => (
            <TrendChart key={t.scenario.id} trend={t} />
          ))}
        </div>
      )}
    </div>
  );
}
