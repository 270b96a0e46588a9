import { useId, useState, type FormEvent } from 'react';
import { useCommand } from '../session/SessionProvider.tsx';
import { FieldError } from '../ui/FieldError.tsx';
import { SendTextField } from '../ui/SendTextField.tsx';

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
      <SendTextField
        id={id}
        value={text}
        onChange={(value) => {
          setText(value);
          clearError();
        }}
        maxLength={500}
        placeholder="e.g. Check the resolver’s recent changes"
        busy={busy}
        button="Propose"
      />
      <FieldError message={error} />
    </form>
  );
}
