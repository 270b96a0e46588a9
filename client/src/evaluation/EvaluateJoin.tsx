import { useId, useState, type FormEvent } from 'react';
import type { EvaluatorJoinResponse } from '@chaos-quest/engine';
import { messageOf, requestJson } from '../api/http.ts';
import { formatRoute } from '../app/route.ts';
import { FieldError } from '../ui/FieldError.tsx';
import { saveEvaluatorSeat } from './evaluator-seats.ts';

/** Where an evaluator's link lands: type a name, take the evaluator's seat. */
export function EvaluateJoin({ code }: { code: string }) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const seat = await requestJson<EvaluatorJoinResponse>('/api/evaluate', { body: { code, name: name.trim() } });
      if (!saveEvaluatorSeat({ ...seat, name: name.trim(), token: seat.evaluatorToken }))
        throw new Error(
          'This browser would not keep the evaluator’s seat (private mode?). Allow site storage and try again.',
        );
      window.location.hash = formatRoute({ name: 'evaluator', sessionId: seat.sessionId });
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  }
  return (
    <main className="page narrow">
      <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>Evaluate this exercise</h1>
        <p>
          As an evaluator you see what the facilitator sees, record what you observe against the exercise’s objectives,
          and rate each objective at the end. Players never see your notes.
        </p>
        <label className="field">
          <span>Your name</span>
          <input value={name} maxLength={40} required onChange={(e) => setName(e.target.value)} autoComplete="name" />
          <small>It goes into the after-action report’s list of participants.</small>
        </label>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy || name.trim() === ''} aria-busy={busy}>
            Take the evaluator’s seat
          </button>
          <FieldError message={error} />
        </div>
      </form>
    </main>
  );
}
