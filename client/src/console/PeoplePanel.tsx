import { useId, useState, type FormEvent } from 'react';
import type { FacilitatorView, Presence } from '@chaos-quest/engine';
import { useCommand, useSessionState } from '../session/SessionProvider.tsx';
import { FieldError } from '../ui/FieldError.tsx';
import { SendTextField } from '../ui/SendTextField.tsx';
import { Icon } from '../ui/Icon.tsx';
import { PlayerAdmin } from '../lobby/PlayerAdmin.tsx';
import { RoleRequests } from './RoleRequests.tsx';
import { SeatClaims } from './SeatClaims.tsx';

function CoachForm({ view }: { view: FacilitatorView }) {
  const { send, busy, error, clearError } = useCommand('coach');
  const [playerId, setPlayerId] = useState('');
  const [text, setText] = useState('');
  const pickId = useId();
  const textId = useId();
  const target = playerId || view.players[0]?.id || '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send({ type: 'coach', playerId: target, text: text.trim() }).then((ok) => ok && setText(''));
  };
  if (view.players.length === 0) return null;
  return (
    <form className="coach-form" onSubmit={submit}>
      <label htmlFor={pickId}>Coach privately</label>
      <select id={pickId} value={target} onChange={(e) => setPlayerId(e.target.value)}>
        {view.players.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <label htmlFor={textId} className="sr-only">
        Coaching note
      </label>
      <SendTextField
        id={textId}
        value={text}
        onChange={(value) => {
          setText(value);
          clearError();
        }}
        maxLength={2000}
        placeholder="A nudge only they will see"
        busy={busy}
        button="Send"
      />
      <FieldError message={error} />
    </form>
  );
}

function presenceOf(id: string, presence: Presence | null): { online: boolean; text: string } {
  if (!presence) return { online: true, text: 'checking' };
  return presence.connected.includes(id) ? { online: true, text: 'connected' } : { online: false, text: 'dropped' };
}

/** Who is at the table: connected or dropped, whose hand is up; seat, move or remove anyone; a private word to anyone. */
export function PeoplePanel({ view }: { view: FacilitatorView }) {
  const presence = useSessionState((s) => s.presence);
  const roleNames = Object.fromEntries(view.scenario.roles.map((r) => [r.id, r.name]));
  const hands = view.players.filter((p) => p.hand);
  return (
    <div className="people">
      {hands.length ? (
        <p className="hands-up" role="status">
          <Icon name="hand" size={16} /> Hand up: {hands.map((p) => p.name).join(', ')}
        </p>
      ) : null}
      <RoleRequests view={view} />
      <SeatClaims view={view} />
      <ul className="people-list">
        {view.players.map((p) => {
          const state = presenceOf(p.id, presence);
          return (
            <li key={p.id} className={state.online ? 'online' : 'away'}>
              <span className="person-name">
                <Icon name={state.online ? 'dot' : 'offline'} size={12} /> {p.name}
              </span>
              <span className="person-role">{p.audience ? 'watching' : p.role ? roleNames[p.role] : 'no role'}</span>
              <span className="person-state">
                {state.text}
                {p.hand ? ' · hand up' : ''}
              </span>
              <PlayerAdmin player={p} roles={view.scenario.roles} />
            </li>
          );
        })}
      </ul>
      {presence ? <p className="muted small">Big screens watching: {presence.observers}</p> : null}
      <CoachForm view={view} />
    </div>
  );
}
