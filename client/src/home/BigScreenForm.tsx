import { useState, type FormEvent } from 'react';
import { navigate } from '../app/use-route.ts';
import { Icon } from '../ui/Icon.tsx';

/** Opens the room's big screen (the public view) for a join code. */
export function BigScreenForm() {
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate({ name: 'screen', joinCode: code.trim().toUpperCase() });
  };
  return (
    <form className="card screen-form" onSubmit={submit} aria-labelledby="screen-title">
      <h2 id="screen-title">
        <Icon name="screen" size={18} /> Big screen
      </h2>
      <p>Show the public view on the room’s projector: clock, injects, system and timeline.</p>
      <div className="inline-field">
        <label className="field">
          <span>Join code</span>
          <input
            className="code-input"
            placeholder="K7QF2M"
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            required
            minLength={4}
            maxLength={16}
            pattern="[A-Za-z0-9_\-]+"
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <button type="submit" className="button">
          Open big screen
        </button>
      </div>
    </form>
  );
}
