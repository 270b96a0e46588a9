import { useId, useState, type FormEvent } from 'react';
import type { FacilitatorView } from '@chaos-quest/engine';
import { useCommand } from '../session/SessionProvider.tsx';
import { FieldError } from '../ui/FieldError.tsx';

/** An inject the script does not have: to everyone or chosen roles, optionally as a page. */
export function ImproviseForm({ view }: { view: FacilitatorView }) {
  const { send, busy, error, clearError } = useCommand('inject.improvise');
  const [text, setText] = useState('');
  const [to, setTo] = useState<string[]>([]);
  const [page, setPage] = useState(false);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send({ type: 'inject.improvise', text: text.trim(), page, ...(to.length ? { to } : {}) }).then((ok) => {
      if (!ok) return;
      setText('');
      setPage(false);
      setTo([]);
    });
  };
  const toggle = (role: string) => {
    setTo(to.includes(role) ? to.filter((r) => r !== role) : [...to, role]);
    clearError();
  };
  return (
    <form className="improvise" onSubmit={submit}>
      <label htmlFor={id}>Improvised inject</label>
      <textarea
        id={id}
        rows={2}
        maxLength={2000}
        required
        value={text}
        placeholder="e.g. A customer tweets that checkout is broken"
        onChange={(e) => {
          setText(e.target.value);
          clearError();
        }}
      />
      <fieldset className="role-picks">
        <legend>Send to (none ticked: everyone)</legend>
        {view.scenario.roles.map((r) => (
          <label key={r.id} className="check">
            <input type="checkbox" checked={to.includes(r.id)} onChange={() => toggle(r.id)} /> {r.name}
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <label className="check">
          <input type="checkbox" checked={page} onChange={(e) => setPage(e.target.checked)} /> Send as a page (must be
          acknowledged)
        </label>
        <button type="submit" className="button primary" disabled={busy || text.trim() === ''}>
          Reveal {to.length ? `to ${to.length} role${to.length === 1 ? '' : 's'}` : 'to everyone'}
        </button>
      </div>
      <FieldError message={error} />
    </form>
  );
}
