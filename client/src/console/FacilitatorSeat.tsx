import type { FacilitatorView } from '@chaos-quest/engine';
import type { Seat } from '../api/seats.ts';
import { SeatGate } from '../app/SeatGate.tsx';
import { DebriefScreen } from '../debrief/DebriefScreen.tsx';
import { FacilitatorConsole } from './FacilitatorConsole.tsx';
import { FacilitatorLobby } from './FacilitatorLobby.tsx';

function FacilitatorPhase({ view, seat }: { view: FacilitatorView; seat: Seat }) {
  switch (view.phase) {
    case 'lobby':
    case 'briefing':
      return <FacilitatorLobby view={view} joinCode={seat.joinCode} />;
    case 'running':
    case 'paused':
      return <FacilitatorConsole view={view} joinCode={seat.joinCode} />;
    case 'debrief':
    case 'ended':
      return <DebriefScreen view={view} token={seat.token} sessionId={seat.sessionId} />;
    default:
      return view.phase satisfies never;
  }
}

/** The facilitator's seat in a session: lobby, console or debrief by the session's phase. */
export function FacilitatorSeat({ sessionId }: { sessionId: string }) {
  return (
    <SeatGate
      sessionId={sessionId}
      kind="facilitator"
      render={(view, seat) => (view.viewer === 'facilitator' ? <FacilitatorPhase view={view} seat={seat} /> : null)}
    />
  );
}
