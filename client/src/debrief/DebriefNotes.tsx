import { useId, useState, type FormEvent } from 'react';
import type { DebriefNote, DebriefNoteKind } from '@chaos-quest/engine';
import { DEBRIEF_NOTE_KINDS, DEBRIEF_NOTE_LABELS } from '@chaos-quest/engine/client';
import { useCommand } from '../session/SessionProvider.tsx';
import { FieldError } from '../ui/FieldError.tsx';
import { BlamelessHint, TypingAdvice } from './BlamelessHint.tsx';

const PLACEHOLDER: Record<DebriefNoteKind, string> = {
  'went-well': 'e.g. The page reached the right person within a minute',
  hard: 'e.g. Two dashboards disagreed on the error rate',
  lucky: 'e.g. It happened in the quietest hour of the week',
};

/**
 * What went well, what was hard, where we got lucky: written by anyone at the table from their own
 * screen during the debrief, and carried into the post-mortem draft. The blameless check reads each
 * note as it is typed and after.
 */
export function DebriefNotes({
  notes,
  canAdd,
  people,
}: {
  notes: readonly DebriefNote[];
  canAdd: boolean;
  people: readonly string[];
}) {
  const { send, busy, error, clearError } = useCommand('debrief.note');
  const [kind, setKind] = useState<DebriefNoteKind>('went-well');
  const [text, setText] = useState('');
  const ids = { text: useId(), kinds: useId() };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send({ type: 'debrief.note', kind, text: text.trim() }).then((ok) => ok && setText(''));
  };
  return (
    <div className="debrief-notes">
      <div className="note-columns">
        {DEBRIEF_NOTE_KINDS.map((k) => {
          const list = notes.filter((n) => n.kind === k);
          return (
            <section key={k} className={`note-column note-${k}`} aria-label={DEBRIEF_NOTE_LABELS[k]}>
              <h3>{DEBRIEF_NOTE_LABELS[k]}</h3>
              {list.length === 0 ? (
                <p className="empty">Nothing yet.</p>
              ) : (
                <ul>
                  {list.map((n) => (
                    <li key={n.id}>
                      <span>{n.text}</span>
                      <BlamelessHint text={n.text} people={people} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      {canAdd ? (
        <form className="note-form" onSubmit={submit} onChange={clearError}>
          <fieldset className="segmented" aria-labelledby={ids.kinds}>
            <legend id={ids.kinds} className="sr-only">
              Kind of note
            </legend>
            {DEBRIEF_NOTE_KINDS.map((k) => (
              <label key={k} className={kind === k ? 'on' : ''}>
                <input type="radio" name="note-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                {DEBRIEF_NOTE_LABELS[k]}
              </label>
            ))}
          </fieldset>
          <span className="field">
            <label htmlFor={ids.text}>Your note</label>
            <input
              id={ids.text}
              value={text}
              onChange={(e) => setText(e.target.value)}
              maxLength={500}
              required
              placeholder={PLACEHOLDER[kind]}
            />
          </span>
          <button type="submit" className="button primary" disabled={busy || text.trim() === ''}>
            Add note
          </button>
          <TypingAdvice text={text} people={people} />
        </form>
      ) : null}
      <FieldError message={error} />
    </div>
  );
}
