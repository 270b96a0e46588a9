import { useId, useState, type FormEvent } from 'react';
import type { RunAnnotation } from '@chaos-quest/engine';
import { ANNOTATION_LIMITS } from '@chaos-quest/engine/client';
import { messageOf } from '../api/http.ts';
import { FieldError } from '../ui/FieldError.tsx';
import { saveAnnotation } from './run-requests.ts';

interface Props {
  sessionId: string;
  annotation: RunAnnotation | null;
  onSaved(annotation: RunAnnotation): void;
  onCancel(): void;
}

/** A note on one run, and whether the figures leave it out (a training run), with the reason kept. */
export function RunNoteForm({ sessionId, annotation, onSaved, onCancel }: Props) {
  const [note, setNote] = useState(annotation?.note ?? '');
  const [excluded, setExcluded] = useState(annotation?.excluded ?? false);
  const [reason, setReason] = useState(annotation?.reason ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { note: useId(), excluded: useId(), reason: useId() };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    saveAnnotation(sessionId, { note: note.trim() || null, excluded, reason: excluded ? reason.trim() : null })
      .then(onSaved, (e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  };
  return (
    <form className="run-note-form" onSubmit={submit} aria-label="Note on this run">
      <span className="field">
        <label htmlFor={ids.note}>Note (optional)</label>
        <textarea
          id={ids.note}
          value={note}
          maxLength={ANNOTATION_LIMITS.note}
          rows={2}
          onChange={(e) => setNote(e.target.value)}
          placeholder="e.g. Two new hires played the SRE seat"
        />
      </span>
      <label className="check-field" htmlFor={ids.excluded}>
        <input id={ids.excluded} type="checkbox" checked={excluded} onChange={(e) => setExcluded(e.target.checked)} />
        Leave this run out of the figures
      </label>
      {excluded ? (
        <span className="field">
          <label htmlFor={ids.reason}>Why it is left out</label>
          <input
            id={ids.reason}
            value={reason}
            maxLength={ANNOTATION_LIMITS.reason}
            required
            onChange={(e) => setReason(e.target.value)}
            placeholder="e.g. Training run, not a real attempt"
          />
        </span>
      ) : null}
      <span className="run-form-buttons">
        <button type="submit" className="button primary" disabled={busy || (excluded && reason.trim() === '')}>
          Save
        </button>
        <button type="button" className="button quiet" onClick={onCancel}>
          Cancel
        </button>
      </span>
      <FieldError message={error} />
    </form>
  );
}
