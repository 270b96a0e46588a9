import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { View } from '@chaos-quest/engine';
import { seats } from '../api/browser-seats.ts';
import type { Seat, SeatKind } from '../api/seats.ts';
import { SessionProvider, useSessionState } from '../session/SessionProvider.tsx';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { SeatContext } from './seat-context.ts';
import { SeatMovedAway, useSeatMove } from './SeatMoved.tsx';

interface Props {
  sessionId: string;
  kind: SeatKind;
  render(view: View, seat: Seat): ReactNode;
}

function NoSeat({ kind }: { kind: SeatKind }) {
  return (
    <main className="page narrow">
      <h1>No seat in this browser</h1>
      <p>
        {kind === 'facilitator'
          ? 'This browser does not hold the facilitator’s key for this session. Only the browser that opened the session can run it.'
          : 'This browser has not joined this session. Join with the code your facilitator gave you.'}
      </p>
      <a className="button primary" href="#/">
        Go to the start page
      </a>
    </main>
  );
}

function Connected({ seat, render, onTaken }: { seat: Seat; render: Props['render']; onTaken(): void }) {
  const moved = useSeatMove(seat, onTaken);
  const view = useSessionState((s) => s.sync.view);
  const status = useSessionState((s) => s.status);
  const detail = useSessionState((s) => s.statusDetail);
  const title = view?.scenario.title ?? null;
  useEffect(() => {
    // Remember the scenario's title so the start page can list this seat readably.
    if (title && title !== seat.title) seats.save({ ...seat, title });
  }, [seat, title]);
  if (moved) return <SeatMovedAway seat={seat} />;
  if (!view) {
    if (status === 'rejected' || status === 'closed') {
      return (
        <main className="page narrow">
          <h1>Cannot take this seat</h1>
          <p role="alert">{detail}</p>
          <p>The session may have been removed, or you were removed from it.</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              seats.forget(seat.sessionId, seat.kind);
              window.location.hash = '#/';
            }}
          >
            Forget this seat and go back
          </button>
        </main>
      );
    }
    return <p className="loading page">Connecting to the session…</p>;
  }
  return (
    <>
      <ConnectionBanner />
      {render(view, seat)}
    </>
  );
}

/** Finds this browser's seat for the session, connects with its token and renders the live view. */
export function SeatGate({ sessionId, kind, render }: Props) {
  // A seat that moved here comes with a new token: read the seat again and connect afresh with it.
  const [, setTaken] = useState(0);
  const onTaken = useCallback(() => setTaken((n) => n + 1), []);
  const seat = seats.get(sessionId, kind);
  if (!seat) return <NoSeat kind={kind} />;
  return (
    <SessionProvider key={seat.token} auth={{ token: seat.token }}>
      <SeatContext value={seat}>
        <Connected seat={seat} render={render} onTaken={onTaken} />
      </SeatContext>
    </SessionProvider>
  );
}
