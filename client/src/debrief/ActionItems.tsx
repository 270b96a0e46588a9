import { useId, useState, type FormEvent } from 'react';
import type { ActionItem } from '@chaos-quest/engine';
import { useCommand } from '../session/SessionProvider.tsx';
import { FieldError } from '../ui/FieldError.tsx';

/** Follow-ups anyone at the table can add: what to fix in the process, and who owns it. */
export function ActionItems({ items, canAdd }: { items: readonly ActionItem[]; canAdd: boolean }) {
  const { send, busy, error, clearError } = useCommand('action-item.add');
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const ids = { text: useId(), owner: useId() };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send({ type: 'action-item.add', text: text.trim(), ...(owner.trim() ? { owner: owner.trim() } : {}) }).then(
      (ok) => {
        if (!ok) return;
        setText('');
        setOwner('');
      },
    );
  };
  return (
    <div className="action-items">
      {items.length === 0 ? <p className="empty">No action items yet.</p> : null}
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <span className="item-text">{item.text}</span>
            <small>
              {item.owner ? `Owner: ${item.owner} · ` : ''}added by {item.by}
            </small>
          </li>
        ))}
      </ul>
      {canAdd ? (
        <form className="action-form" onSubmit={submit} onChange={clearError}>
          <span className="field">
            <label htmlFor={ids.text}>New action item</label>
            <input
              id={ids.text}
              value={text}
              onChange={(e) => setText(e.target.value)}
              maxLength={500}
              required
              placeholder="e.g. Add TTL changes to the change review"
            />
          </span>
          <span className="field small-field">
            <label htmlFor={ids.owner}>Owner (optional)</label>
            <input
              id={ids.owner}
              value={owner}
              onChange={(e) => setOwner(e.target.value)}
              maxLength={100}
              placeholder="Team or person"
            />
          </span>
          <button type="submit" className="button primary" disabled={busy || text.trim() === ''}>
            Add
          </button>
        </form>
      ) : null}
      <FieldError message={error} />
    </div>
  );
}
