import type { PlayerView } from '@chaos-quest/engine';
import { SessionBar } from '../app/SessionBar.tsx';
import { RolesBoard } from '../lobby/RolesBoard.tsx';
import { useSessionState } from '../session/SessionProvider.tsx';
import { HandButton } from './HandButton.tsx';
import { RoleCard } from './RoleCard.tsx';
import { ReadyButton, SeatNotices } from './SeatNotices.tsx';

/** Before play: pick a role, and in the briefing read the role card. */
export function PlayerLobby({ view }: { view: PlayerView }) {
  const presence = useSessionState((s) => s.presence);
  const { me } = view;
  return (
    <main className="page player-lobby">
      <SessionBar view={view}>
        <HandButton raised={me.hand} />
      </SessionBar>
      <div className="lobby-intro">
        <p className="welcome">Welcome, {me.name}.</p>
        <p>
          {view.phase === 'briefing'
            ? 'Read your role card. The facilitator starts the quest when everyone is ready.'
            : me.role
              ? 'Waiting for the facilitator to begin the briefing.'
              : 'Take a role to begin.'}
        </p>
        <p className="scenario-summary">{view.scenario.summary}</p>
      </div>
      <SeatNotices view={view} />
      {me.role ? <RoleCard role={me.role} /> : null}
      {view.phase === 'briefing' && !me.audience ? <ReadyButton ready={me.ready} /> : null}
      {me.role && view.phase === 'lobby' ? (
        <p className="muted">Your role’s secrets arrive when the facilitator briefs the table.</p>
      ) : null}
      <h2 className="section-title">Roles</h2>
      <RolesBoard
        roles={view.scenario.roles}
        players={view.players}
        presence={presence}
        mode={{
          kind: 'player',
          me: me.playerId,
          myRole: me.role?.id ?? null,
          requested: me.requestedRole,
          choose: view.phase === 'lobby' ? 'take' : 'request',
          watching: me.audience,
        }}
      />
    </main>
  );
}
