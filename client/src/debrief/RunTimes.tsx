import type { MilestoneRecord } from '@chaos-quest/engine';
import { formatGameMinutes, formatWallDuration } from '../time/format.ts';
import { runTimes } from '@chaos-quest/engine/client';

/** This run's TTD, TTA, TTM and TTR as cards: game minutes large, how long it really took below. */
export function RunTimes({ milestones }: { milestones: Readonly<Record<string, MilestoneRecord>> }) {
  return (
    <ul className="run-times">
      {runTimes(milestones).map((t) => (
        <li key={t.key} className={t.span ? '' : 'missing'}>
          <span className="run-label">{t.label}</span>
          {t.span ? (
            <>
              <span className="run-game">{formatGameMinutes(t.span.game)}</span>
              <span className="run-wall">in the game · {formatWallDuration(t.span.wall)} for real</span>
            </>
          ) : (
            <span className="run-game none">not reached</span>
          )}
        </li>
      ))}
    </ul>
  );
}
