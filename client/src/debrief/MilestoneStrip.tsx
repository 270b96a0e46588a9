import type { MilestoneRecord } from '@chaos-quest/engine';
import { textWidth } from '../graph/layout.ts';
import { formatWallTime, gameClockAt } from '../time/format.ts';
import { labelLanes } from './label-lanes.ts';
import { declaredText } from '../board/declared-text.ts';
import { useWidth } from '../ui/use-width.ts';

export const MILESTONE_NAMES: Record<string, string> = {
  started: 'Fault began',
  firstPage: 'First page',
  detected: 'Detected',
  acknowledged: 'Acknowledged',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
  ended: 'Ended',
};

interface Props {
  milestones: Readonly<Record<string, MilestoneRecord>>;
  clock: { minutes: number; label: string };
  /** The pages revealed, to name the alert a declaration came from. */
  injects?: readonly { key: string; text: string }[];
}

const PAD = 24;
const LANE = 17;
/** Room between a label's baseline and the top of its mark's dot, for descenders. */
const LABEL_GAP = 14;

/**
 * The milestones on the game clock as a line, and the same as a table with both clocks. The line is
 * laid out at the panel's own width, so its labels are drawn at 12 px on a phone as on a projector
 * (a narrow panel stacks them in more lanes rather than shrinking them).
 */
export function MilestoneStrip({ milestones, clock, injects = [] }: Props) {
  const { ref, width: W } = useWidth<HTMLDivElement>(760);
  const alertText = (key: string) => injects.find((i) => i.key === key)?.text ?? null;
  const entries = Object.entries(milestones).sort(([, a], [, b]) => a.game - b.game || a.wall - b.wall);
  if (entries.length === 0)
    return (
      <div className="milestone-strip" ref={ref}>
        <p className="empty">No milestones were reached.</p>
      </div>
    );
  const lo = Math.min(0, ...entries.map(([, m]) => m.game));
  const hi = Math.max(clock.minutes, ...entries.map(([, m]) => m.game), lo + 1);
  const x = (game: number) => PAD + ((game - lo) / (hi - lo)) * (W - 2 * PAD);
  const labels = entries.map(([name, m]) => `${MILESTONE_NAMES[name] ?? name} ${gameClockAt(clock, m.game)}`);
  const placed = labelLanes(
    entries.map(([, m], i) => ({ x: x(m.game), width: textWidth(labels[i] ?? '', 14) })),
    W,
  );
  const lanes = Math.max(1, ...placed.map((p) => p.lane + 1));
  const axis = LABEL_GAP + 4 + lanes * LANE;
  return (
    <div className="milestone-strip" ref={ref}>
      <svg viewBox={`0 0 ${W} ${axis + 30}`} aria-hidden="true">
        <line x1={PAD} x2={W - PAD} y1={axis} y2={axis} className="axis" />
        <text x={PAD} y={axis + 24} className="axis-label">
          {gameClockAt(clock, lo)}
        </text>
        <text x={W - PAD} y={axis + 24} textAnchor="end" className="axis-label">
          {gameClockAt(clock, hi)}
        </text>
        {entries.map(([name, m], i) => {
          const at = placed[i] ?? { left: 0, lane: 0 };
          const y = axis - LABEL_GAP - at.lane * LANE;
          return (
            <g key={name} className={`milestone-mark m-${name}`}>
              <line x1={x(m.game)} x2={x(m.game)} y1={y + 3} y2={axis} />
              <circle cx={x(m.game)} cy={axis} r={6} />
              <text x={at.left} y={y}>
                {labels[i]}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="milestone-table">
        <caption className="sr-only">Milestones on both clocks</caption>
        <thead>
          <tr>
            <th scope="col">Milestone</th>
            <th scope="col">Game clock</th>
            <th scope="col">Wall clock</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {entries.map(([name, m]) => (
            <tr key={name}>
              <th scope="row">{MILESTONE_NAMES[name] ?? name}</th>
              <td>{gameClockAt(clock, m.game)}</td>
              <td>{formatWallTime(m.wall)}</td>
              <td>
                {m.source}
                {m.declared ? <span className="declared">, {declaredText(m.declared, alertText)}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
