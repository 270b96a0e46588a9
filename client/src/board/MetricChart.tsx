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
  /** The game minutes to show (the points outside stay loaded, a drag away for no one: the axis is fixed). */
  range: readonly [number, number];
}

const LINE = '#1f4fd1';
const THRESHOLD = '#b42318';

/**
 * One metric over game minutes, drawn by uPlot (canvas, fast with many series and points), with its
 * fixed alert lines dashed and the given moments marked. Takes its box's size and font size from
 * the stylesheet, so the big screen can draw it larger, and resizes with its box.
 */
export function MetricChart({ metric, clockAt, marks = [], range }: Props) {
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
      series.push({
        label: `alert ${t.above !== null ? '>' : '<'} ${level}`,
        stroke: THRESHOLD,
        dash: [6, 4],
        width: 1,
        points: { show: false },
      });
    }
    const size = () => ({ width: Math.max(240, element.clientWidth), height: Math.max(120, element.clientHeight) });
    const fontPx = parseFloat(getComputedStyle(element).fontSize) || 12;
    const font = `${fontPx}px system-ui`;
    const plot = new uPlot(
      {
        ...size(),
        series,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        axes: [
          // Ticks at least three and a half characters' width apart, so that larger labels never touch.
          { values: (_u, splits) => splits.map((m) => clockAt(m)), font, size: fontPx * 2.8, space: fontPx * 3.5 },
          {
            font,
            size: fontPx * 4.4,
            space: fontPx * 2.5,
            label: metric.unit,
            labelFont: font,
            labelSize: fontPx * 1.4,
          },
        ],
        scales: { x: { time: false, range: [range[0], Math.max(range[1], range[0] + 1)] } },
        hooks: {
          draw: [
            (u) => {
              const { ctx } = u;
              ctx.save();
              const px = devicePixelRatio;
              marks.forEach((mark, i) => {
                const x = u.valToPos(mark.minute, 'x', true);
                if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
                ctx.strokeStyle = mark.color;
                ctx.lineWidth = 2 * devicePixelRatio;
                ctx.beginPath();
                ctx.moveTo(x, u.bbox.top);
                ctx.lineTo(x, u.bbox.top + u.bbox.height);
                ctx.stroke();
                ctx.fillStyle = mark.color;
                ctx.font = `${fontPx * px}px system-ui`;
                // Marks close together would print over each other: stagger the labels, and near the
                // right edge put them left of their line.
                const nearRight = x > u.bbox.left + u.bbox.width * 0.7;
                ctx.textAlign = nearRight ? 'right' : 'left';
                const line = fontPx + 2;
                ctx.fillText(mark.label, x + (nearRight ? -4 : 4) * px, u.bbox.top + (line + line * (i % 4)) * px);
              });
              ctx.restore();
            },
          ],
        },
      },
      data,
      element,
    );
    const resize = new ResizeObserver(() => plot.setSize(size()));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [metric, clockAt, marks, range]);
  const last = metric.points.at(-1);
  const reading = last ? Number(last[1].toPrecision(3)) : null;
  return (
    <figure className="metric-chart">
      <figcaption>
        <strong>{metric.name}</strong> <span className="muted">({metric.component})</span>
        {reading !== null ? (
          <span className="metric-now">
            {' '}
            now {reading} {metric.unit}
          </span>
        ) : null}
      </figcaption>
      <div
        ref={box}
        className="metric-plot"
        role="img"
        aria-label={`${metric.name} over game time, now ${reading ?? 'unknown'} ${metric.unit}`}
      />
    </figure>
  );
}
