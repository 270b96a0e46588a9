import { useId, useState, type FormEvent } from 'react';
import { useCommand } from '../session/SessionProvider.tsx';
import { FieldError } from '../ui/FieldError.tsx';

/** A player's hot-wash form: what went well, what to improve, and a 1–5 rating of the exercise. Sent once. */
export function HotwashForm({ anonymous }: { anonymous: boolean }) {
  const { send, busy, error, clearError } = useCommand('feedback.submit');
  const [wentWell, setWentWell] = useState('');
  const [toImprove, setToImprove] = useState('');
  const [rating, setRating] = useState<1 | 2 | 3 | 4 | 5 | null>(null);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rating) void send({ type: 'feedback.submit', wentWell: wentWell.trim(), toImprove: toImprove.trim(), rating });
  };
  return (
    <form className="hotwash-form" onSubmit={submit} onChange={clearError}>
      <p className="muted small">
        Your view of the exercise, for its after-action report; notes on the incident itself go under what went well,
        was hard and was lucky, below.
      </p>
      <p className="muted small">
        {anonymous ? 'Anonymous: your name is not kept with your answers.' : 'Your name goes with your answers.'}
      </p>
      <label className="field">
        <span>What went well?</span>
        <textarea value={wentWell} onChange={(e) => setWentWell(e.target.value)} maxLength={1000} rows={2} required />
      </label>
      <label className="field">
        <span>What should we improve?</span>
        <textarea value={toImprove} onChange={(e) => setToImprove(e.target.value)} maxLength={1000} rows={2} required />
      </label>
      <fieldset className="score-choices">
        <legend>How useful was this exercise? (1 not at all, 5 very)</legend>
        {([1, 2, 3, 4, 5] as const).map((n) => (
          <label key={n}>
            <input type="radio" name={`${id}-score`} checked={rating === n} onChange={() => setRating(n)} />
            {n}
          </label>
        ))}
      </fieldset>
      <button
        type="submit"
        className="button primary"
        disabled={busy || rating === null || wentWell.trim() === '' || toImprove.trim() === ''}
      >
        Send my feedback
      </button>
      <FieldError message={error} />
    </form>
  );
}
