import { useId, useState, type FormEvent } from 'react';
import type { ExerciseView, ObjectiveView } from '@chaos-quest/engine';
import { RATING_LABELS, RATINGS } from '@chaos-quest/engine/client';
import { useCommand } from '../session/SessionProvider.tsx';
import { FieldError } from '../ui/FieldError.tsx';

function RateObjective({
  objective,
  mine,
}: {
  objective: ObjectiveView;
  mine: { rating: string; reason: string } | null;
}) {
  const { send, busy, error, clearError } = useCommand(`objective.rate:${objective.id}`);
  const [rating, setRating] = useState(mine?.rating ?? '');
  const [reason, setReason] = useState(mine?.reason ?? '');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = RATINGS.find((r) => r === rating);
    if (chosen) void send({ type: 'objective.rate', objective: objective.id, rating: chosen, reason: reason.trim() });
  };
  return (
    <form className="rate-form" onSubmit={submit} onChange={clearError} aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>{objective.title}</h3>
      <fieldset className="rating-choices">
        <legend>Rating</legend>
        {RATINGS.map((r) => (
          <label key={r} title={RATING_LABELS[r]}>
            <input type="radio" name={`${id}-r`} value={r} checked={rating === r} onChange={() => setRating(r)} />
            <strong>{r}</strong> <span className="rating-words">{RATING_LABELS[r]}</span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Reason</span>
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} required />
      </label>
      <button type="submit" className="button primary" disabled={busy || !rating || reason.trim() === ''}>
        {mine ? 'Change my rating' : 'Rate'}
      </button>
      {mine ? <small className="muted"> Your rating: {mine.rating}</small> : null}
      <FieldError message={error} />
    </form>
  );
}

/** At the end: the evaluator rates each objective P, S, M or U with a reason; a later rating replaces theirs. */
export function RatingPanel({ exercise, evaluatorId }: { exercise: ExerciseView; evaluatorId: string }) {
  return (
    <div className="rating-panel">
      {exercise.objectives.map((o) => {
        const mine = exercise.ratings.find((r) => r.objective === o.id && r.evaluatorId === evaluatorId) ?? null;
        return <RateObjective key={o.id} objective={o} mine={mine} />;
      })}
    </div>
  );
}
