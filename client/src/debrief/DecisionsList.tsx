import type { Decision, RollRecord } from '@chaos-quest/engine';
import { gameClockAt } from '../time/format.ts';
import { Icon } from '../ui/Icon.tsx';

const OUTCOME = { done: 'done', success: 'succeeded', failure: 'failed' } as const;

/** The team's decisions in order, each with the dice roll that decided it, if any. */
export function DecisionsList({
  decisions,
  rolls,
  clock,
}: {
  decisions: readonly Decision[];
  rolls: readonly RollRecord[];
  clock: { minutes: number; label: string };
}) {
  const bySeq = new Map(rolls.map((r) => [r.seq, r]));
  const loose = rolls.filter((r) => !decisions.some((d) => d.seq === r.seq));
  if (decisions.length === 0 && rolls.length === 0) return <p className="empty">No decisions were taken.</p>;
  return (
    <ol className="decisions">
      {decisions.map((d) => {
        const roll = bySeq.get(d.seq);
        return (
          <li key={d.seq} className={`decision outcome-${d.outcome}`}>
            <time>{gameClockAt(clock, d.at.game)}</time>
            <span className="decision-label">
              {d.label} <small>by {d.by}</small>
            </span>
            <span className="decision-outcome">
              <Icon name={d.outcome === 'failure' ? 'cross' : 'check'} size={14} /> {OUTCOME[d.outcome]}
              {roll
                ? ` · ${roll.dice} ${roll.natural} → ${roll.total} vs ${roll.target ?? '–'}${roll.physical ? ' (table dice)' : ''}`
                : ''}
            </span>
          </li>
        );
      })}
      {loose.map((r) => (
        <li key={`roll-${r.seq}`} className="decision">
          <time>{gameClockAt(clock, r.at.game)}</time>
          <span className="decision-label">
            <Icon name="dice" size={14} /> {r.label}
          </span>
          <span className="decision-outcome">
            {r.dice} → {r.total}
          </span>
        </li>
      ))}
    </ol>
  );
}
