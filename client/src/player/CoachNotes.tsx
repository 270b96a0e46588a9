import type { CoachNote } from '@chaos-quest/engine';
import { gameClockAt } from '../time/format.ts';
import { Panel } from '../ui/Panel.tsx';

/** Private nudges from the facilitator to this player. */
export function CoachNotes({
  notes,
  clock,
}: {
  notes: readonly CoachNote[];
  clock: { minutes: number; label: string };
}) {
  return (
    <Panel title="From the facilitator (only you see this)" icon="compass" className="coach-notes">
      <ul>
        {[...notes].reverse().map((n) => (
          <li key={n.seq}>
            <time>{gameClockAt(clock, n.at.game)}</time> {n.text}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
