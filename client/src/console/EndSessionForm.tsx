import { useId, useState } from 'react';
import type { Outcome } from '@chaos-quest/engine';
import { useCommand } from '../session/SessionProvider.tsx';
import { FieldError } from '../ui/FieldError.tsx';
import { Icon } from '../ui/Icon.tsx';

const OUTCOMES = { success: 'Success', partial: 'Partial', failure: 'Failure' } satisfies Record<Outcome, string>;

/** Ends the quest early with an outcome and a closing line; asks once more before it does. */
export function EndSessionForm() {
  const { send, busy, error } = useCommand('session.end');
  const [outcome, setOutcome] = useState<Outcome>('partial');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const ids = { outcome: useId(), note: useId() };
  return (
    <div className="end-form">
      <span className="field small-field">
        <label htmlFor={ids.outcome}>Outcome</label>
        <select id={ids.outcome} value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
          {Object.entries(OUTCOMES).map(([k, text]) => (
            <option key={k} value={k}>
              {text}
            </option>
          ))}
        </select>
      </span>
      <span className="field">
        <label htmlFor={ids.note}>Closing narration (optional)</label>
        <input
          id={ids.note}
          value={note}
          maxLength={2000}
          onChange={(e) => setNote(e.target.value)}
          placeholder="How the night ends"
        />
      </span>
      {confirming ? (
        <div className="button-row">
          <button
            type="button"
            className="button danger"
            disabled={busy}
            onClick={() => void send({ type: 'session.end', outcome, ...(note.trim() ? { note: note.trim() } : {}) })}
          >
            <Icon name="stop" size={16} /> End now: {OUTCOMES[outcome].toLowerCase()}
          </button>
          <button type="button" className="button quiet" onClick={() => setConfirming(false)}>
            Keep playing
          </button>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          End the quest…
        </button>
      )}
      <FieldError message={error} />
    </div>
  );
}
