import { useId } from 'react';
import type { FacilitatorView } from '@chaos-quest/engine';
import { useCommand } from '../session/SessionProvider.tsx';
import { FieldError } from '../ui/FieldError.tsx';
import { Icon } from '../ui/Icon.tsx';

function SeatSomeone({ view, role }: { view: FacilitatorView; role: { id: string; name: string } }) {
  const { send, busy, error } = useCommand(`empty-role:${role.id}`);
  const id = useId();
  // Those without a role first: seating someone who holds one leaves that role empty instead.
  const candidates = [...view.players].sort((a, b) => Number(a.role !== null) - Number(b.role !== null));
  if (candidates.length === 0) return null;
  return (
    <span className="seat-someone">
      <label htmlFor={id} className="sr-only">
        Seat someone as {role.name}
      </label>
      <select
        id={id}
        value=""
        disabled={busy}
        onChange={(e) =>
          e.target.value && void send({ type: 'player.assign', playerId: e.target.value, role: role.id })
        }
      >
        <option value="">Seat someone…</option>
        {candidates.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {p.audience
              ? ' (watching)'
              : p.role
                ? ` (now ${view.scenario.roles.find((r) => r.id === p.role)?.name})`
                : ''}
          </option>
        ))}
      </select>
      <FieldError message={error} />
    </span>
  );
}

/**
 * Roles nobody plays, said before the start and kept in sight during play: injects and pages meant
 * only for them reach the facilitator alone, listed here with a way to seat someone in the role.
 */
export function EmptyRoles({ view }: { view: FacilitatorView }) {
  const empty = view.scenario.roles.filter((r) => view.emptyRoles.includes(r.id));
  if (empty.length === 0) return null;
  const unheld = view.injects.filter((i) => view.unheld.includes(i.key)).reverse();
  const names = (ids: readonly string[] | null) =>
    (ids ?? []).map((id) => view.scenario.roles.find((r) => r.id === id)?.name ?? id).join(', ');
  return (
    <div className="empty-roles" role="status">
      <p>
        <Icon name="warn" size={15} /> <strong>Nobody plays {empty.map((r) => r.name).join(', ')}.</strong> Their
        injects and pages reach only you.
      </p>
      <ul className="empty-role-list">
        {empty.map((role) => (
          <li key={role.id}>
            <span>{role.name}</span>
            <SeatSomeone view={view} role={role} />
          </li>
        ))}
      </ul>
      {unheld.length ? (
        <ul className="unheld-injects" aria-label="Reached only you">
          {unheld.map((inject) => (
            <li key={inject.key} className={inject.page ? 'page' : ''}>
              <small>
                {inject.page ? 'Page' : 'Inject'} for {names(inject.to)}, reached only you
              </small>
              <span>{inject.text}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
