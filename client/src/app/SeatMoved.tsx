import { useEffect } from 'react';
import { baseName } from '@chaos-quest/engine/client';
import { seats } from '../api/browser-seats.ts';
import type { Seat } from '../api/seats.ts';
import { useSessionState } from '../session/SessionProvider.tsx';

/**
 * When the server moves this seat. Here, with a new token (a player's seat given back to them on
 * this device): the token is kept and `onTaken` reconnects with it. Elsewhere (the console handed
 * over, or a player's seat taken back on their new device): this page says so and forgets the seat.
 */
export function useSeatMove(seat: Seat, onTaken: () => void): 'moved' | null {
  const moved = useSessionState((s) => s.seatMoved);
  useEffect(() => {
    if (moved?.kind === 'player') {
      seats.save({
        ...seat,
        token: moved.token,
        playerId: moved.playerId,
        name: seat.name === null ? null : baseName(seat.name),
        savedAt: Date.now(),
      });
      onTaken();
    }
    if (moved?.kind === 'moved') seats.forget(seat.sessionId, seat.kind);
  }, [moved, seat, onTaken]);
  return moved?.kind === 'moved' ? 'moved' : null;
}

export function SeatMovedAway({ seat }: { seat: Seat }) {
  return (
    <main className="page narrow">
      <h1>
        {seat.kind === 'facilitator' ? 'The console moved to another device' : 'Your seat moved to another device'}
      </h1>
      <p role="status">
        {seat.kind === 'facilitator'
          ? 'Someone took this console with its handover code, so this browser no longer runs the session.'
          : 'The facilitator gave your seat to you on another device, so this browser has let it go.'}
      </p>
      <a className="button primary" href="#/">
        Go to the start page
      </a>
    </main>
  );
}
