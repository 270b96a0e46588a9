import type { MilestoneRecord } from '@chaos-quest/engine';
import { formatWallTime, gameClockAt } from '../time/format.ts';

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
}

const W = 760;
const PAD = 44;

/** The milestones on the game clock as a line, and the same as a table with both clocks. */
export function MilestoneStrip({ milestones, clock }: Props) {
  const entries = Object.entries(milestones).sort(([, a], [, b]) => a.game - b.game || a.wall - b.wall);
  if (entries.length === 0) return <p className="empty">No milestones were reached.</p>;
  const lo = Math.min(0, ...entries.map(([, m]) => m.game));
  const hi = Math.max(clock.minutes, ...entries.map(([, m]) => m.game), lo + 1);
  const x = (game: number) => PAD + ((game - lo) / (hi - lo)) * (W - 2 * PAD);
  return (
    <div className="milestone-strip">
      <svg viewBox={`0 0 ${W} 130`} aria-hidden="true">
        <line x1={PAD} x2={W - PAD} y1={65} y2={65} className="axis" />
        <text x={PAD} y={122} className="axis-label">
          {gameClockAt(clock, lo)}
        </text>
        <text x={W - PAD} y={122} textAnchor="end" className="axis-label">
          {gameClockAt(clock, hi)}
        </text>
        {entries.map(([name, m], i) => {
          const up = i % 2 === 0;
          return (
            <g key={name} className={`milestone-mark m-${name}`}>
              <line x1={x(m.game)} x2={x(m.game)} y1={up ? 38 : 65} y2={up ? 65 : 92} />
              <circle cx={x(m.game)} cy={65} r={6} />
              <text x={x(m.game)} y={up ? 30 : 108} textAnchor="middle">
                {MILESTONE_NAMES[name] ?? name} {gameClockAt(clock, m.game)}
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
              <td>{m.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
