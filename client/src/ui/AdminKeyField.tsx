import { useId, useState } from 'react';
import { adminKey, setAdminKey } from '../api/admin-key.ts';

/** Asks for the server's admin key, shown when the server said it needs one. */
export function AdminKeyField({ onSaved }: { onSaved(): void }) {
  const [value, setValue] = useState(adminKey() ?? '');
  const id = useId();
  return (
    <div className="admin-key">
      <label htmlFor={id}>Admin key</label>
      <div className="inline-field">
        <input id={id} type="password" value={value} autoComplete="off" onChange={(e) => setValue(e.target.value)} />
        <button
          type="button"
          className="button"
          onClick={() => {
            setAdminKey(value);
            onSaved();
          }}
        >
          Use this key
        </button>
      </div>
      <small className="muted">This server asks for its admin key (CQ_ADMIN_KEY). It is kept in this browser.</small>
    </div>
  );
}
