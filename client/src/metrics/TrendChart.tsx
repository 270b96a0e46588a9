import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ScenarioTrend } from '@chaos-quest/engine';
import { FIGURE_DEFINITIONS } from '@chaos-quest/engine/client';
import { formatDate } from '../time/format.ts';
import { formatValue } from './format-figure.ts';
import { DAY_S, dayRange } from './trend-range.ts';

const TEAM_COLORS = ['#1f4fd1', '#b54708', '#067647', '#7a2e98', '#c11574', '#0e7090'];
const BASELINE = '#667085';
const HEIGHT = 200;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov 3": an axis label that fits one line (the year is in each run's row and tooltip). Pure. */
const shortDate = (seconds: number): string => {
  const d = new Date(seconds * 1000);
  return `${MONTHS[d.getMonth()]} ${d.getDate()}`;
};

/** A figure in minutes for the chart's axis: game minutes as they are, wall ms as real minutes. Pure. */
const minutes = (value: number | null, unit: ScenarioTrend['unit']): number | null =>
  value === null ? null : unit === 'game-minutes' ? value : value / 60_000;

/** The chart's columns: one x per run (its start, in seconds), a line per team, and the baseline. Pure. */
function chartData(trend: ScenarioTrend): uPlot.AlignedData {
  const xs = [...new Set(trend.teams.flatMap((t) => t.points.map((p) => Math.round(p.at / 1000))))].sort(
    (a, b) => a - b,
  );
  const teams = trend.teams.map((t) => {
    const at = new Map(t.points.map((p) => [Math.round(p.at / 1000), minutes(p.value, trend.unit)]));
    return xs.map((x) => at.get(x) ?? null);
  });
  const baseline = minutes(trend.baseline, trend.unit);
  return [xs, ...teams, xs.map(() => baseline)];
}

/** What the chart shows, in words, for a screen reader and for the eye that skips the canvas. Pure. */
function describe(trend: ScenarioTrend): string {
  const def = FIGURE_DEFINITIONS[trend.figure];
  const lines = trend.teams.map((t) => {
    const reached = t.points.filter((p) => p.value !== null);
    const first = reached[0];
    const last = reached.at(-1);
    const path =
      first && last && first !== last
        ? `from ${formatValue(first.value, trend.unit)} to ${formatValue(last.value, trend.unit)}`
        : first
          ? formatValue(first.value, trend.unit)
          : 'never reached';
    return `${t.team}: ${path} (${reached.length} of ${t.points.length} runs)`;
  });
  return `${def.name} on ${trend.scenario.title}. ${lines.join('; ')}. Baseline ${formatValue(trend.baseline, trend.unit)}.`;
}

/**
 * One scenario's figure over game days, drawn by uPlot as the dashboards are: a line per team, its
 * runs as dots (a run that never reached the milestone leaves a gap), and the scenario's own
 * baseline dashed across. Lower is better.
 */
export function TrendChart({ trend }: { trend: ScenarioTrend }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const unit = trend.unit === 'game-minutes' ? 'game min' : 'real min';
    const series: uPlot.Series[] = [
      { label: 'Game day', value: (_u, v) => (v === null ? '–' : formatDate(v * 1000)) },
      ...trend.teams.map((t, i) => {
        const color = TEAM_COLORS[i % TEAM_COLORS.length] as string;
        return { label: t.team, stroke: color, width: 2, spanGaps: true, points: { show: true, size: 9, fill: color } };
      }),
      { label: 'Baseline (median)', stroke: BASELINE, dash: [6, 4], width: 1.5, points: { show: false } },
    ];
    const plot = new uPlot(
      {
        width: Math.max(240, element.clientWidth),
        height: HEIGHT,
        series,
        legend: { live: false },
        cursor: { drag: { x: false, y: false } },
        axes: [
          {
            font: '12px system-ui',
            size: 34,
            // Whole days, labelled once each: game days are days apart, never hours.
            incrs: [DAY_S, 2 * DAY_S, 7 * DAY_S, 14 * DAY_S, 30 * DAY_S, 91 * DAY_S, 182 * DAY_S, 365 * DAY_S],
            values: (_u, splits) => splits.map(shortDate),
          },
          { font: '12px system-ui', size: 48, label: unit, labelFont: '12px system-ui', labelSize: 16 },
        ],
        scales: {
          x: { time: true, range: (_u, min, max) => dayRange(min, max) },
          y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] },
        },
      },
      chartData(trend),
      element,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(240, element.clientWidth), height: HEIGHT }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [trend]);
  return (
    <figure className="trend-chart">
      <figcaption>
        <strong>{trend.scenario.title}</strong>{' '}
        <span className="muted">
          {trend.reached} of {trend.runs} runs reached it · baseline {formatValue(trend.baseline, trend.unit)}
        </span>
      </figcaption>
      {trend.reached === 0 ? (
        // An empty grid with a time axis says nothing; the sentence says why there is no line.
        <p className="trend-empty muted">No run has reached it yet, so there is no line to draw.</p>
      ) : (
        <div ref={box} className="trend-plot" role="img" aria-label={describe(trend)} />
      )}
    </figure>
  );
}
