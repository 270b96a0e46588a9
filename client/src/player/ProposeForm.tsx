import { useId, useState, type FormEvent } from 'react';
import { useCommand } from '../session/SessionProvider.tsx';
import { FieldError } from '../ui/FieldError.tsx';

/** Suggest an action the scenario may not list; the facilitator decides what happens. */
export function ProposeForm() {
  const { send, busy, error, clearError } = useCommand('action.propose');
  const [text, setText] = useState('');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send({ type: 'action.propose', text: text.trim() }).then((ok) => ok && setText(''));
  };
  return (
    <form className="propose-form" onSubmit={submit}>
      <label htmlFor={id}>Propose an action</label>
      <div className="inline-field">
        <input
          id={id}
          value={text}
          maxLength={500}
          required
          placeholder="e.g. Check the resolver’s recent changes"
          onChange={(e) => {
            setText(e.target.value);
            clearError();
          }}
        />
        <button type="submit" className="button" disabled={busy || text.trim() === ''} aria-busy={busy}>
          Propose
        </button>
      </div>
      <FieldError message={error} />
    </form>
  );
}
