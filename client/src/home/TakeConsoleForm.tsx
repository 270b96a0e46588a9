import { useState, type FormEvent } from 'react';
import type { TakeConsoleResponse } from '@chaos-quest/engine';
import { seats } from '../api/browser-seats.ts';
import { HttpError, messageOf, requestJson } from '../api/http.ts';
import { navigate } from '../app/use-route.ts';
import { AdminKeyField } from '../ui/AdminKeyField.tsx';
import { FieldError } from '../ui/FieldError.tsx';
import { Icon } from '../ui/Icon.tsx';

function keep(taken: TakeConsoleResponse): void {
  const kept = seats.save({
    kind: 'facilitator',
    sessionId: taken.sessionId,
    token: taken.token,
    joinCode: taken.joinCode,
    playerId: null,
    name: null,
    title: null,
    savedAt: Date.now(),
    ...(taken.kind === 'co-facilitator' ? { co: true as const } : {}),
  });
  if (!kept)
    throw new Error('This browser would not store the console (private mode?). Allow site storage and try again.');
  navigate({ name: 'facilitate', sessionId: taken.sessionId });
}

/**
 * Takes a console on this device: with the one-time code another console shows (a handover, or a
 * co-facilitator's seat), or, when the device holding it is gone, by join code with the admin key.
 */
export function TakeConsoleForm() {
  const [code, setCode] = useState('');
  const [joinCode, setJoinCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [needsKey, setNeedsKey] = useState(false);

  const run = async (work: () => Promise<TakeConsoleResponse>) => {
    setBusy(true);
    setError(null);
    try {
      keep(await work());
    } catch (e) {
      if (e instanceof HttpError && e.status === 401) setNeedsKey(true);
      setError(messageOf(e));
      setBusy(false);
    }
  };
  const take = (event: FormEvent) => {
    event.preventDefault();
    void run(() => requestJson<TakeConsoleResponse>('/api/console', { body: { code: code.trim() } }));
  };
  const recover = (event: FormEvent) => {
    event.preventDefault();
    void run(() =>
      requestJson<TakeConsoleResponse>('/api/console/recover', {
        body: { joinCode: joinCode.trim().toUpperCase() },
        admin: true,
      }),
    );
  };
  return (
    <section className="card take-console" aria-labelledby="take-console-title">
      <h2 id="take-console-title">
        <Icon name="screen" size={18} /> Take over a console
      </h2>
      <form onSubmit={take}>
        <p>Type the code the facilitator’s console shows, to run the session from this device.</p>
        <div className="inline-field">
          <label className="field">
            <span>Console code</span>
            <input
              className="code-input"
              value={code}
              onChange={(e) => setCode(e.target.value.toUpperCase())}
              required
              minLength={8}
              maxLength={20}
              autoComplete="off"
              spellCheck={false}
              placeholder="ABCD-EFGH"
            />
          </label>
          <button type="submit" className="button" disabled={busy}>
            Take the console
          </button>
        </div>
      </form>
      <details>
        <summary>The console’s device is gone</summary>
        <form onSubmit={recover}>
          <p className="muted small">
            With the server’s admin key, the session’s join code moves the facilitator’s seat here. Without a key set,
            only the machine the server runs on can do this.
          </p>
          <div className="inline-field">
            <label className="field">
              <span>Join code</span>
              <input
                className="code-input"
                placeholder="K7QF2M"
                value={joinCode}
                onChange={(e) => setJoinCode(e.target.value.toUpperCase())}
                required
                minLength={4}
                maxLength={16}
                autoComplete="off"
                spellCheck={false}
              />
            </label>
            <button type="submit" className="button" disabled={busy}>
              Recover the console
            </button>
          </div>
          {needsKey ? <AdminKeyField onSaved={() => setNeedsKey(false)} /> : null}
        </form>
      </details>
      <FieldError message={error} />
    </section>
  );
}
