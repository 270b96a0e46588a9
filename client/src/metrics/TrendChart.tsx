import { formatDate } from '../time/format.ts';
import { chartScale, type ClockKind, type TrendPoint } from './trend-series.ts';

const W = 360;
const H = 160;
const PAD = { left: 40, right: 14, top: 12, bottom: 28 };

interface Props {
  title: string;
  points: readonly TrendPoint[];
  clock: ClockKind;
}

/** One figure over time as a line of runs: each dot a practice incident, lower is better. */
export function TrendChart({ title, points, clock }: Props) {
  const unit = clock === 'game' ? 'game min' : 'real min';
  const scale = chartScale(points, W, H, PAD);
  const line = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${scale.x(p.at).toFixed(1)},${scale.y(p.value).toFixed(1)}`)
    .join(' ');
  const first = points[0];
  const last = points[points.length - 1];
  const description = points.length
    ? `${title}, ${points.length} run${points.length === 1 ? '' : 's'}, from ${first?.value.toFixed(1)} to ${last?.value.toFixed(1)} ${unit}.`
    : `${title}: no runs reached this milestone.`;
  return (
    <figure className="trend-chart">
      <figcaption>
        {title} <small>({unit}, lower is better)</small>
      </figcaption>
      {points.length === 0 ? (
        <p className="empty">No runs reached this milestone yet.</p>
      ) : (
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={description}>
          {scale.yTicks.map((t) => (
            <g key={t} className="grid-line">
              <line x1={PAD.left} x2={W - PAD.right} y1={scale.y(t)} y2={scale.y(t)} />
              <text x={PAD.left - 6} y={scale.y(t) + 4} textAnchor="end">
                {t}
              </text>
            </g>
          ))}
          <path d={line} className="trend-line" />
          {points.map((p) => (
            <circle key={p.sessionId} cx={scale.x(p.at)} cy={scale.y(p.value)} r={4} className="trend-dot">
              <title>{`${formatDate(p.at)}: ${p.value.toFixed(1)} ${unit}`}</title>
            </circle>
          ))}
          {first ? (
            <text x={PAD.left} y={H - 8} className="axis-label">
              {formatDate(first.at)}
            </text>
          ) : null}
          {last && last !== first ? (
            <text x={W - PAD.right} y={H - 8} textAnchor="end" className="axis-label">
              {formatDate(last.at)}
            </text>
          ) : null}
        </svg>
      )}
    </figure>
  );
}
