import { seats } from '../api/browser-seats.ts';
import { useRoute } from '../app/use-route.ts';

/** The session and token of the facilitator's seat this screen runs, for the exercise's HTTP calls. */
export function useFacilitatorSeat(): { sessionId: string; token: string } | null {
  const route = useRoute();
  if (route.name !== 'facilitate') return null;
  const seat = seats.get(route.sessionId, 'facilitator');
  return seat ? { sessionId: seat.sessionId, token: seat.token } : null;
}
