import type { FacilitatorView } from '@chaos-quest/engine';
import { SessionBar } from '../app/SessionBar.tsx';
import { RolesBoard } from '../lobby/RolesBoard.tsx';
import { useSessionState } from '../session/SessionProvider.tsx';
import { CommandButton } from '../ui/CommandButton.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Panel } from '../ui/Panel.tsx';
import { JoinInfo } from './JoinInfo.tsx';
import { PaceControl } from './PaceControl.tsx';
import { RoleRequests } from './RoleRequests.tsx';
import { MonitoringControl } from './MonitoringControl.tsx';
import { ExerciseLobby } from '../evaluation/ExerciseLobby.tsx';
import { ConsoleHandover } from './ConsoleHandover.tsx';
import { EmptyRoles } from './EmptyRoles.tsx';
import { FaultSpoiler } from './FaultSpoiler.tsx';
import { SeatClaims } from './SeatClaims.tsx';
import { TableSettings } from './TableSettings.tsx';

/** Before play: let people in, seat them in roles, brief them, begin. */
export function FacilitatorLobby({ view, joinCode }: { view: FacilitatorView; joinCode: string }) {
  const presence = useSessionState((s) => s.presence);
  const seated = view.players.filter((p) => p.role !== null).length;
  const ready = view.players.filter((p) => p.ready).length;
  const emptyRoles = view.scenario.roles.filter((r) => !view.players.some((p) => p.role === r.id));
  return (
    <main className="page facilitator-lobby">
      <SessionBar view={view} />
      <div className="lobby-grid">
        <div>
          <Panel title="Table" icon="user">
            <p className="lobby-count">
              {view.players.length} joined · {seated} seated
              {emptyRoles.length ? ` · open: ${emptyRoles.map((r) => r.name).join(', ')}` : ' · every role taken'}
            </p>
            <RoleRequests view={view} />
            <SeatClaims view={view} />
            <RolesBoard
              roles={view.scenario.roles}
              players={view.players}
              presence={presence}
              mode={{ kind: 'facilitator' }}
            />
          </Panel>
        </div>
        <div className="lobby-side">
          <JoinInfo joinCode={joinCode} />
          <Panel title="Begin" icon="play">
            <p>
              {view.phase === 'lobby'
                ? 'Brief the table so players read their role cards, then start.'
                : `Players are reading their role cards: ${ready} of ${view.players.filter((p) => !p.audience).length} ready.`}
            </p>
            <EmptyRoles view={view} />
            <div className="button-row">
              {view.phase === 'lobby' ? (
                <CommandButton control="session.brief" command={{ type: 'session.brief' }}>
                  <Icon name="list" size={16} /> Brief the table
                </CommandButton>
              ) : null}
              <CommandButton control="session.start" command={{ type: 'session.start' }} variant="primary">
                <Icon name="play" size={16} /> Start the quest
              </CommandButton>
            </div>
            {view.phase === 'briefing' ? <PaceControl pace={view.clock.pace} /> : null}
            {view.monitoring.telemetry ? <MonitoringControl mode={view.monitoring.mode} /> : null}
          </Panel>
          {/* Below the lobby's one job, starting: the exercise's record and earlier actions are read before, not during. */}
          <ExerciseLobby view={view} />
          <Panel title="Joining and the console" icon="lock">
            <TableSettings view={view} />
            <ConsoleHandover />
          </Panel>
          <Panel title="The scenario" icon="map">
            <p>{view.scenario.summary}</p>
            <FaultSpoiler fault={view.fault} />
          </Panel>
        </div>
      </div>
    </main>
  );
}
