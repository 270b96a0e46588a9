import type { PlayerView } from '@chaos-quest/engine';
import { namesakes } from '@chaos-quest/engine/client';
import { CommandButton } from '../ui/CommandButton.tsx';
import { Icon } from '../ui/Icon.tsx';

/** Watching rather than playing: the table was full or locked when they joined. */
function Watching() {
  return (
    <p className="seat-notice" role="status">
      <Icon name="eye" size={16} /> You are watching: the table was full or locked when you joined. Raise your hand and
      the facilitator can seat you.
    </p>
  );
}

/**
 * Joined again under a name already at the table (a second device, a lost phone): offers to ask for
 * that seat back. The facilitator decides; meanwhile this is a seat of its own.
 */
function ClaimSeat({ view }: { view: PlayerView }) {
  const { me } = view;
  const claimed = me.claims ? view.players.find((p) => p.id === me.claims) : undefined;
  if (claimed) {
    return (
      <p className="seat-notice" role="status">
        <Icon name="clock" size={16} /> You asked for {claimed.name}’s seat back; the facilitator will answer.
      </p>
    );
  }
  const mine = view.players.filter((p) => p.id !== me.playerId && namesakes(p.name, me.name));
  if (mine.length === 0) return null;
  const roleName = (id: string | null) => view.scenario.roles.find((r) => r.id === id)?.name;
  return (
    <div className="seat-notice">
      {mine.map((p) => (
        <p key={p.id}>
          <Icon name="user" size={16} /> {p.name} already sits at this table{p.role ? ` as ${roleName(p.role)}` : ''}.
          If that is you on another device, ask for your seat back.{' '}
          <CommandButton control={`seat.claim:${p.id}`} command={{ type: 'seat.claim', playerId: p.id }}>
            I am {p.name}: ask for my seat
          </CommandButton>
        </p>
      ))}
    </div>
  );
}

/** What a player should know about their seat itself: watching, or a seat to claim back. */
export function SeatNotices({ view }: { view: PlayerView }) {
  return (
    <>
      {view.me.audience ? <Watching /> : null}
      <ClaimSeat view={view} />
    </>
  );
}

/** During the briefing: "I have read my card", which the facilitator sees as a count. */
export function ReadyButton({ ready }: { ready: boolean }) {
  return (
    <div className="ready-check">
      <span>{ready ? 'The facilitator sees you are ready.' : 'Read your card? Tell the facilitator.'}</span>
      <CommandButton
        control="player.ready"
        command={{ type: 'player.ready', ready: !ready }}
        variant={ready ? 'secondary' : 'primary'}
        pressed={ready}
      >
        <Icon name="check" size={16} /> {ready ? 'Not ready after all' : 'I am ready'}
      </CommandButton>
    </div>
  );
}
