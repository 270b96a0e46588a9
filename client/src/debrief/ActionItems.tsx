import { useId, useState, type FormEvent } from 'react';
import type { ActionItem, ActionPriority } from '@chaos-quest/engine';
import { ACTION_PRIORITIES } from '@chaos-quest/engine/client';
import { useCommand } from '../session/SessionProvider.tsx';
import { FieldError } from '../ui/FieldError.tsx';
import { BlamelessHint, TypingAdvice } from './BlamelessHint.tsx';

/** Follow-ups anyone at the table can add: what to fix in the process, who owns it, and how soon. */
export function ActionItems({
  items,
  canAdd,
  people = [],
}: {
  items: readonly ActionItem[];
  canAdd: boolean;
  /** Names the blameless check treats as persons (the table's players and roles). */
  people?: readonly string[];
}) {
  const { send, busy, error, clearError } = useCommand('action-item.add');
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [priority, setPriority] = useState<ActionPriority | ''>('');
  const ids = { text: useId(), owner: useId(), priority: useId() };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send({
      type: 'action-item.add',
      text: text.trim(),
      ...(owner.trim() ? { owner: owner.trim() } : {}),
      ...(priority ? { priority } : {}),
    }).then((ok) => {
      if (!ok) return;
      setText('');
      setOwner('');
      setPriority('');
    });
  };
  return (
    <div className="action-items">
      {items.length === 0 ? <p className="empty">No action items yet.</p> : null}
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <span className="item-text">{item.text}</span>
            <small>
              {item.owner ? `Owner: ${item.owner}` : 'No owner yet'} ·{' '}
              {item.priority ? `${item.priority} priority` : 'no priority yet'} · added by {item.by}
            </small>
            <BlamelessHint text={item.text} people={people} />
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
          <span className="field small-field">
            <label htmlFor={ids.priority}>Priority (optional)</label>
            <select
              id={ids.priority}
              value={priority}
              onChange={(e) => setPriority(e.target.value as ActionPriority | '')}
            >
              <option value="">Not set</option>
              {ACTION_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {p[0]?.toUpperCase()}
                  {p.slice(1)}
                </option>
              ))}
            </select>
          </span>
          <button type="submit" className="button primary" disabled={busy || text.trim() === ''}>
            Add
          </button>
          <TypingAdvice text={text} people={people} />
        </form>
      ) : null}
      <FieldError message={error} />
    </div>
  );
}
