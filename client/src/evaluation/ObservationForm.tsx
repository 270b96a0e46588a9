import { useId, useState, type FormEvent } from 'react';
import type { ExerciseView } from '@chaos-quest/engine';
import { useCommand } from '../session/SessionProvider.tsx';
import { DisabledReason } from '../ui/DisabledReason.tsx';
import { FieldError } from '../ui/FieldError.tsx';
import { ObjectiveSelect } from './ObjectiveSelect.tsx';

/** An evaluator's quick note: strength or area for improvement, against an objective, pinned to both clocks by the server. */
export function ObservationForm({ exercise, closedReason }: { exercise: ExerciseView; closedReason: string | null }) {
  const { send, busy, error, clearError } = useCommand('observation.add');
  const [kind, setKind] = useState<'strength' | 'improvement'>('strength');
  const [objective, setObjective] = useState('');
  const [note, setNote] = useState('');
  const [rootCause, setRootCause] = useState('');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cause = kind === 'improvement' && rootCause.trim() ? { rootCause: rootCause.trim() } : {};
    void send({ type: 'observation.add', kind, objective: objective || null, note: note.trim(), ...cause }).then(
      (ok) => {
        if (!ok) return;
        setNote('');
        setRootCause('');
      },
    );
  };
  const disabled = closedReason !== null;
  return (
    <form className="observation-form" onSubmit={submit} onChange={clearError}>
      <fieldset className="kind-toggle" disabled={disabled}>
        <legend>What did you see?</legend>
        <label>
          <input type="radio" name={`${id}-kind`} checked={kind === 'strength'} onChange={() => setKind('strength')} />
          Strength
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-kind`}
            checked={kind === 'improvement'}
            onChange={() => setKind('improvement')}
          />
          Area for improvement
        </label>
      </fieldset>
      <ObjectiveSelect exercise={exercise} value={objective} onChange={setObjective} disabled={disabled} />
      <label className="field">
        <span>Observation</span>
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={1000}
          rows={3}
          required
          disabled={disabled}
          placeholder="What happened, as you saw it. Blameless: the process, not the person."
        />
      </label>
      {kind === 'improvement' ? (
        <label className="field">
          <span>Root cause (optional)</span>
          <input
            value={rootCause}
            onChange={(e) => setRootCause(e.target.value)}
            maxLength={500}
            disabled={disabled}
            placeholder="Why it happened: a gap in the plan, training, tools…"
          />
        </label>
      ) : null}
      <div className="button-row">
        <button
          type="submit"
          className="button primary"
          disabled={disabled || busy || note.trim() === ''}
          aria-describedby={`${id}-why`}
        >
          Record
        </button>
        <small className="muted">Stamped with both clocks and the latest inject. Players never see it.</small>
      </div>
      <DisabledReason reason={closedReason} id={`${id}-why`} />
      <FieldError message={error} />
    </form>
  );
}
