import { ConnectionBanner } from '../app/ConnectionBanner.tsx';
import { SessionProvider, useSessionState } from '../session/SessionProvider.tsx';
import { evaluatorSeat, type EvaluatorSeatRecord } from './evaluator-seats.ts';
import { EvaluatorScreen } from './EvaluatorScreen.tsx';

function Connected({ seat }: { seat: EvaluatorSeatRecord }) {
  const view = useSessionState((s) => s.sync.view);
  const status = useSessionState((s) => s.status);
  const detail = useSessionState((s) => s.statusDetail);
  if (!view) {
    if (status === 'rejected' || status === 'closed')
      return (
        <main className="page narrow">
          <h1>Cannot take this seat</h1>
          <p role="alert">{detail}</p>
        </main>
      );
    return <p className="loading page">Connecting to the session…</p>;
  }
  // An evaluator's socket gets the facilitator's projection; anything else is not an evaluator's seat.
  if (view.viewer !== 'facilitator') return null;
  return (
    <>
      <ConnectionBanner />
      <EvaluatorScreen view={view} seat={seat} />
    </>
  );
}

/** The evaluator's seat in a session: the facilitator's view, observations and ratings, nothing that runs the game. */
export function EvaluatorSeat({ sessionId }: { sessionId: string }) {
  const seat = evaluatorSeat(sessionId);
  if (!seat)
    return (
      <main className="page narrow">
        <h1>No evaluator’s seat in this browser</h1>
        <p>Open the evaluator link the facilitator gave you to take a seat.</p>
      </main>
    );
  return (
    <SessionProvider auth={{ token: seat.token }}>
      <Connected seat={seat} />
    </SessionProvider>
  );
}
