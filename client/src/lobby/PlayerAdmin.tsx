import { useId, useState } from 'react';
import type { PlayerSummary } from '@chaos-quest/engine';
import { useCommand } from '../session/SessionProvider.tsx';
import { FieldError } from '../ui/FieldError.tsx';

interface Props {
  player: PlayerSummary;
  roles: readonly { id: string; name: string }[];
}

/** The facilitator's controls for one player: seat them (from the audience too), move them to a role, or remove them. */
export function PlayerAdmin({ player, roles }: Props) {
  const assign = useCommand(`player.assign:${player.id}`);
  const remove = useCommand(`player.remove:${player.id}`);
  const [confirming, setConfirming] = useState(false);
  const id = useId();
  return (
    <div className="player-admin">
      <label htmlFor={id} className="sr-only">
        Role for {player.name}
      </label>
      <select
        id={id}
        value={player.role ?? ''}
        disabled={assign.busy}
        onChange={(e) => void assign.send({ type: 'player.assign', playerId: player.id, role: e.target.value || null })}
      >
        <option value="">No role</option>
        {roles.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
      {player.audience ? (
        <button
          type="button"
          className="button small"
          disabled={assign.busy}
          onClick={() => void assign.send({ type: 'player.assign', playerId: player.id, role: null })}
        >
          Seat at the table
        </button>
      ) : null}
      {confirming ? (
        <>
          <button
            type="button"
            className="button danger small"
            disabled={remove.busy}
            onClick={() => void remove.send({ type: 'player.remove', playerId: player.id })}
          >
            Remove {player.name}
          </button>
          <button type="button" className="button quiet small" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button quiet small"
          onClick={() => setConfirming(true)}
          aria-label={`Remove ${player.name} from the table`}
        >
          Remove…
        </button>
      )}
      <FieldError message={assign.error ?? remove.error} />
    </div>
  );
}
