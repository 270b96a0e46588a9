import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { MetricPoints } from '@chaos-quest/engine';

interface Props {
  metric: MetricPoints;
  /** Labels the x axis in the fiction's clock ("02:14"). */
  clockAt: (minute: number) => string;
  /** Vertical marks to draw (the fault's onset, an alert, the team's detection), by game minute. */
  marks?: readonly { minute: number; label: string; color: string }[];
}

const LINE = '#1f4fd1';
const THRESHOLD = '#b42318';

/**
 * One metric over game minutes, drawn by uPlot (canvas, fast with many series and points), with its
 * fixed alert lines dashed and the given moments marked. Resizes with its box.
 */
export function MetricChart({ metric, clockAt, marks = [] }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const xs = metric.points.map(([minute]) => minute);
    const data: uPlot.AlignedData = [xs, metric.points.map(([, value]) => value)];
    const series: uPlot.Series[] = [{}, { label: metric.name, stroke: LINE, width: 2, points: { show: false } }];
    for (const t of metric.thresholds) {
      const level = t.above ?? t.below;
      if (level === null) continue;
      data.push(xs.map(() => level));
      series.push({ label: `alert ${t.above !== null ? '>' : '<'} ${level}`, stroke: THRESHOLD, dash: [6, 4], width: 1, points: { show: false } });
    }
    const plot = new uPlot(
      {
        width: Math.max(240, element.clientWidth),
        height: 170,
        series,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        axes: [
          { values: (_u, splits) => splits.map((m) => clockAt(m)), font: '12px system-ui', size: 34 },
          { font: '12px system-ui', size: 52, label: metric.unit, labelFont: '12px system-ui', labelSize: 16 },
        ],
        scales: { x: { time: false } },
        hooks: {
          draw: [
            (u) => {
              const { ctx } = u;
              ctx.save();
              for (const mark of marks) {
                const x = u.valToPos(mark.minute, 'x', true);
                if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
                ctx.strokeStyle = mark.color;
                ctx.lineWidth = 2 * devicePixelRatio;
                ctx.beginPath();
                ctx.moveTo(x, u.bbox.top);
                ctx.lineTo(x, u.bbox.top + u.bbox.height);
                ctx.stroke();
                ctx.fillStyle = mark.color;
                ctx.font = `${12 * devicePixelRatio}px system-ui`;
                ctx.fillText(mark.label, x + 4 * devicePixelRatio, u.bbox.top + 14 * devicePixelRatio);
              }
              ctx.restore();
            },
          ],
        },
      },
      data,
      element,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(240, element.clientWidth), height: 170 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [metric, clockAt, marks]);
  const last = metric.points.at(-1);
  return (
    <figure className="metric-chart">
      <figcaption>
        <strong>{metric.name}</strong> <span className="muted">({metric.component})</span>
        {last ? (
          <span className="metric-now">
            {' '}
            now {last[1]} {metric.unit}
          </span>
        ) : null}
      </figcaption>
      <div ref={box} className="metric-plot" role="img" aria-label={`${metric.name} over game time, now ${last?.[1] ?? 'unknown'} ${metric.unit}`} />
    </figure>
  );
}
