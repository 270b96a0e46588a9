import type { ExerciseView } from '@chaos-quest/engine';
import { formatWallTime, gameClockAt } from '../time/format.ts';

/** Every evaluator's observations, newest first, each with both clocks and the inject it followed. */
export function ObservationList({
  exercise,
  clock,
}: {
  exercise: ExerciseView;
  clock: { minutes: number; label: string };
}) {
  const titles = new Map(exercise.objectives.map((o) => [o.id, o.title]));
  if (exercise.observations.length === 0) return <p className="empty">No observations yet.</p>;
  return (
    <ol className="observations" reversed>
      {[...exercise.observations].reverse().map((o) => (
        <li key={o.id} className={`observation observation-${o.kind}`}>
          <span className="observation-kind">{o.kind === 'strength' ? 'Strength' : 'Area for improvement'}</span>
          <p>{o.note}</p>
          {o.rootCause ? <p className="muted small">Root cause: {o.rootCause}</p> : null}
          <small className="muted">
            {o.objective ? `${titles.get(o.objective) ?? o.objective} · ` : ''}
            {o.by} · game {gameClockAt(clock, o.at.game)} · {formatWallTime(o.at.wall)}
            {o.inject
              ? ` · after “${o.inject.text.length > 80 ? `${o.inject.text.slice(0, 79)}…` : o.inject.text}”`
              : ''}
          </small>
        </li>
      ))}
    </ol>
  );
}
