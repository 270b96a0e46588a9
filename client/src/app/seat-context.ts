import { createContext, useContext } from 'react';
import type { Seat } from '../api/seats.ts';

/** The seat this browser holds in the session on screen: its token opens the facilitator's HTTP calls. */
export const SeatContext = createContext<Seat | null>(null);

/** The seat on screen, or null outside a seat (the big screen). */
export function useSeat(): Seat | null {
  return useContext(SeatContext);
}
