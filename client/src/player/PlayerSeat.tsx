import { lazy } from 'react';
import type { PlayerView } from '@chaos-quest/engine';
import { SeatGate } from '../app/SeatGate.tsx';
import { PlayerLobby } from './PlayerLobby.tsx';
import { PlayerScreen } from './PlayerScreen.tsx';

const DebriefScreen = lazy(() => import('../debrief/DebriefScreen.tsx').then((m) => ({ default: m.DebriefScreen })));

function LeftTable() {
  return (
    <main className="page narrow">
      <h1>You have left the table</h1>
      <p>The facilitator removed you from this session. Ask them for the join code to come back.</p>
      <a className="button primary" href="#/">
        Go to the start page
      </a>
    </main>
  );
}

function PlayerPhase({ view }: { view: PlayerView }) {
  if (!view.players.some((p) => p.id === view.me.playerId)) return <LeftTable />;
  switch (view.phase) {
    case 'lobby':
    case 'briefing':
      return <PlayerLobby view={view} />;
    case 'running':
    case 'paused':
      return <PlayerScreen view={view} />;
    case 'debrief':
    case 'ended':
      return <DebriefScreen view={view} token={null} />;
    default:
      return view.phase satisfies never;
  }
}

/** A player's seat in a session: the screen for the session's phase. */
export function PlayerSeat({ sessionId }: { sessionId: string }) {
  return (
    <SeatGate
      sessionId={sessionId}
      kind="player"
      render={(view) => (view.viewer === 'player' ? <PlayerPhase view={view} /> : null)}
    />
  );
}
