import type { CoachNote } from '@chaos-quest/engine';
import { gameClockAt } from '../time/format.ts';
import { Panel } from '../ui/Panel.tsx';
import { NewMark } from '../attention/NewMark.tsx';

/** Private nudges from the facilitator to this player. */
export function CoachNotes({
  notes,
  clock,
  fresh,
}: {
  notes: readonly CoachNote[];
  clock: { minutes: number; label: string };
  /** Seqs (as strings) of the notes not yet seen: marked new. */
  fresh: ReadonlySet<string>;
}) {
  return (
    <Panel title="From the facilitator (only you see this)" icon="compass" className="coach-notes">
      <ul>
        {[...notes].reverse().map((n) => (
          <li key={n.seq} className={fresh.has(String(n.seq)) ? 'fresh' : ''}>
            {fresh.has(String(n.seq)) ? <NewMark /> : null} <time>{gameClockAt(clock, n.at.game)}</time> {n.text}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
