import { useState, type FormEvent } from 'react';
import type { JoinRequest, JoinResponse } from '@chaos-quest/engine';
import { seats } from '../api/browser-seats.ts';
import { messageOf, requestJson } from '../api/http.ts';
import { navigate } from '../app/use-route.ts';
import { FieldError } from '../ui/FieldError.tsx';

/** Joins a session as a player with the code the facilitator shows. */
export function JoinForm({ joinCode }: { joinCode: string | null }) {
  const [code, setCode] = useState(joinCode ?? '');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body: JoinRequest = { joinCode: code.trim().toUpperCase(), name: name.trim() };
    setBusy(true);
    setError(null);
    try {
      const joined = await requestJson<JoinResponse>('/api/join', { body });
      const kept = seats.save({
        kind: 'player',
        sessionId: joined.sessionId,
        token: joined.playerToken,
        joinCode: body.joinCode,
        playerId: joined.playerId,
        name: body.name,
        title: null,
        savedAt: Date.now(),
      });
      if (!kept)
        throw new Error('This browser would not store your seat (private mode?). Allow site storage and try again.');
      navigate({ name: 'play', sessionId: joined.sessionId });
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  }

  return (
    <form className="card join-form" onSubmit={(e) => void submit(e)} aria-labelledby="join-title">
      <h2 id="join-title">Join a quest</h2>
      <label className="field">
        <span>Join code</span>
        <input
          className="code-input"
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          required
          minLength={4}
          maxLength={16}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          placeholder="K7QF2M"
        />
      </label>
      <label className="field">
        <span>Your name</span>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={40}
          autoComplete="nickname"
          placeholder="How the team knows you"
          // Arriving from a join link, the code is filled in: the name is the one thing left to type.
          autoFocus={joinCode !== null}
        />
      </label>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy} aria-busy={busy}>
          Join
        </button>
        <FieldError message={error} />
      </div>
    </form>
  );
}
