import type { PlayerView } from '@chaos-quest/engine';
import { CommandButton } from '../ui/CommandButton.tsx';
import { Panel } from '../ui/Panel.tsx';
import { roleAction } from '../lobby/role-action.ts';

/** A player without a role during play asks the facilitator for one; the facilitator seats them. */
export function AskForRole({ view }: { view: PlayerView }) {
  const asked = view.scenario.roles.find((r) => r.id === view.me.requestedRole);
  return (
    <Panel title="You have no role" icon="user">
      {asked ? (
        <p role="status">You asked to be the {asked.name}. The facilitator will answer.</p>
      ) : (
        <>
          <p>Ask the facilitator for a seat:</p>
          <div className="button-row">
            {view.scenario.roles.map((role) => (
              <CommandButton
                key={role.id}
                control={`role.request:${role.id}`}
                command={{ type: 'role.request', role: role.id }}
              >
                {roleAction(
                  role,
                  view.players.filter((p) => p.role === role.id && !p.audience),
                  true,
                )}
              </CommandButton>
            ))}
          </div>
        </>
      )}
    </Panel>
  );
}
