import type { PublishedRecord } from '@chaos-quest/engine';
import { span } from '@chaos-quest/engine/client';

export const FIGURE_ANCHORS = {
  mttd: { from: 'started', to: 'detected', label: 'Time to detect' },
  mtta: { from: 'firstPage', to: 'acknowledged', label: 'Time to acknowledge' },
  mttm: { from: 'started', to: 'mitigated', label: 'Time to mitigate' },
  mttr: { from: 'started', to: 'resolved', label: 'Time to resolve' },
} as const;

export type FigureKey = keyof typeof FIGURE_ANCHORS;
export type ClockKind = 'game' | 'wall';

export interface TrendPoint {
  /** When the run started (wall ms). */
  at: number;
  /** The span in game minutes or wall minutes. */
  value: number;
  sessionId: string;
}

/**
 * One figure over time: for each record that reached both milestones, when it started and how
 * long the span was, in minutes on the chosen clock, oldest first. Pure.
 */
export function trendSeries(records: readonly PublishedRecord[], figure: FigureKey, clock: ClockKind): TrendPoint[] {
  const anchor = FIGURE_ANCHORS[figure];
  return records
    .flatMap((r) => {
      const s = span(r, anchor);
      const at = r.milestones.started?.wall ?? r.startedAt;
      if (!s || at === null) return [];
      return [{ at, value: clock === 'game' ? s.game : s.wall / 60_000, sessionId: r.sessionId }];
    })
    .sort((a, b) => a.at - b.at);
}

export interface ChartScale {
  x(at: number): number;
  y(value: number): number;
  yTicks: number[];
}

/** Nice round tick values from 0 to at least `max`: 1, 2 or 5 times a power of ten apart. Pure. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Maps a series onto a width × height plot area with padding. Pure. */
export function chartScale(
  points: readonly TrendPoint[],
  width: number,
  height: number,
  pad: { left: number; right: number; top: number; bottom: number },
): ChartScale {
  const first = points[0]?.at ?? 0;
  const last = points[points.length - 1]?.at ?? first;
  const yTicks = niceTicks(Math.max(0, ...points.map((p) => p.value)));
  const top = yTicks[yTicks.length - 1] ?? 1;
  const spanX = last - first;
  return {
    x: (at) =>
      spanX === 0
        ? pad.left + (width - pad.left - pad.right) / 2
        : pad.left + ((at - first) / spanX) * (width - pad.left - pad.right),
    y: (value) => height - pad.bottom - (value / top) * (height - pad.top - pad.bottom),
    yTicks,
  };
}
