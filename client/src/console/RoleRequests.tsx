import type { FacilitatorView } from '@chaos-quest/engine';
import { CommandButton } from '../ui/CommandButton.tsx';
import { Icon } from '../ui/Icon.tsx';

/**
 * Players' open requests for another role. Secrets follow the seat, so only the facilitator moves a
 * player once the table is briefed: approving seats them, declining leaves them where they are.
 */
export function RoleRequests({ view }: { view: FacilitatorView }) {
  if (view.roleRequests.length === 0) return null;
  const roleName = (id: string) => view.scenario.roles.find((r) => r.id === id)?.name ?? id;
  return (
    <ul className="role-requests" aria-label="Role requests">
      {view.roleRequests.map(({ playerId, role }) => {
        const player = view.players.find((p) => p.id === playerId);
        if (!player) return null;
        return (
          <li key={playerId}>
            <span>
              <Icon name="user" size={14} /> {player.name} asks to be the {roleName(role)}
            </span>
            <CommandButton
              control={`player.assign:${playerId}`}
              command={{ type: 'player.assign', playerId, role }}
              variant="primary"
            >
              Seat {player.name}
            </CommandButton>
            <CommandButton
              control={`role.decline:${playerId}`}
              command={{ type: 'role.decline', playerId }}
              variant="quiet"
            >
              Decline
            </CommandButton>
          </li>
        );
      })}
    </ul>
  );
}
