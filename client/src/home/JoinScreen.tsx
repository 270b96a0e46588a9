import { formatRoute } from '../app/route.ts';
import { JoinForm } from './JoinForm.tsx';
import { MySeats } from './MySeats.tsx';

/**
 * Where a join link or QR code lands (`#/join/CODE`): only the join form, with the code filled in,
 * so a player on a phone does not meet the facilitator's session form first.
 */
export function JoinScreen({ joinCode }: { joinCode: string }) {
  return (
    <main className="page narrow join-page">
      <JoinForm joinCode={joinCode} />
      <MySeats />
      <p className="muted">
        Running or projecting a quest instead?{' '}
        <a href={formatRoute({ name: 'home', joinCode: null })}>Go to the start page</a>.
      </p>
    </main>
  );
}
