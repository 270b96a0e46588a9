import { useState } from 'react';
import { messageOf } from '../api/http.ts';
import * as api from './studio-api.ts';

/** Creates an empty file in the scenarios folder; a name without a suffix becomes a scenario. */
export function NewFileForm({ onCreated }: { onCreated(name: string): void }) {
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  return (
    <form
      className="studio-new"
      aria-label="Create a file"
      onSubmit={async (event) => {
        event.preventDefault();
        const fileName = /\.(ya?ml|csv)$/.test(name) ? name : `${name}.yaml`;
        try {
          await api.createFile(fileName, '');
          setName('');
          setMessage(null);
          onCreated(fileName);
        } catch (e) {
          setMessage(messageOf(e));
        }
      }}
    >
      <label>
        New file
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="my-scenario.yaml" required />
      </label>
      <button type="submit" className="button small">
        Create
      </button>
      {message ? (
        <p className="error" role="alert">
          {message}
        </p>
      ) : null}
    </form>
  );
}
