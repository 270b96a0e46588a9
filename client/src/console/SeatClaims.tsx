import type { FacilitatorView } from '@chaos-quest/engine';
import { CommandButton } from '../ui/CommandButton.tsx';
import { Icon } from '../ui/Icon.tsx';

/**
 * Players who joined again on another device and say which seat was theirs. Giving it back moves
 * that seat (role, votes, coaching) to the new device and closes the old one; otherwise they keep a
 * seat of their own under their numbered name.
 */
export function SeatClaims({ view }: { view: FacilitatorView }) {
  if (view.seatClaims.length === 0) return null;
  const byId = new Map(view.players.map((p) => [p.id, p]));
  const roleName = (id: string | null) => view.scenario.roles.find((r) => r.id === id)?.name ?? 'no role';
  return (
    <ul className="role-requests" aria-label="Seats claimed back">
      {view.seatClaims.map(({ playerId, claims }) => {
        const claimant = byId.get(playerId);
        const target = byId.get(claims);
        if (!claimant || !target) return null;
        return (
          <li key={playerId}>
            <span>
              <Icon name="user" size={14} /> {claimant.name} says they are {target.name} ({roleName(target.role)}) on a
              new device
            </span>
            <CommandButton
              control={`seat.answer:${playerId}`}
              command={{ type: 'seat.answer', playerId, give: true }}
              variant="primary"
            >
              Give {target.name} their seat back
            </CommandButton>
            <CommandButton
              control={`seat.answer:${playerId}`}
              command={{ type: 'seat.answer', playerId, give: false }}
              variant="quiet"
            >
              They are someone else
            </CommandButton>
          </li>
        );
      })}
    </ul>
  );
}
