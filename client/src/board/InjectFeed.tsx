import type { RevealedInject } from '@chaos-quest/engine';
import { gameClockAt } from '../time/format.ts';
import { CommandButton } from '../ui/CommandButton.tsx';
import { Icon } from '../ui/Icon.tsx';

interface Props {
  injects: readonly RevealedInject[];
  clock: { minutes: number; label: string };
  roleNames: Readonly<Record<string, string>>;
  playerNames: Readonly<Record<string, string>>;
  /** The player looking, who may acknowledge pages; null for the facilitator and the big screen. */
  me: string | null;
  large?: boolean;
}

function AckState({ inject, me, playerNames }: { inject: RevealedInject; me: string | null; playerNames: Props['playerNames'] }) {
  if (me !== null) {
    return inject.acknowledgedBy.includes(me) ? (
      <p className="ack done">
        <Icon name="check" size={14} /> You acknowledged this page
      </p>
    ) : (
      <CommandButton control={`inject.ack:${inject.key}`} command={{ type: 'inject.ack', key: inject.key }} variant="primary">
        <Icon name="check" size={16} /> Acknowledge page
      </CommandButton>
    );
  }
  const names = inject.acknowledgedBy.map((id) => playerNames[id] ?? 'a player');
  return (
    <p className={`ack ${names.length ? 'done' : 'waiting'}`}>
      <Icon name={names.length ? 'check' : 'clock'} size={14} />
      {names.length ? ` Acknowledged by ${names.join(', ')}` : ' Not acknowledged yet'}
    </p>
  );
}

/** Revealed injects, newest first; pages stand out and, for a player, can be acknowledged. */
export function InjectFeed({ injects, clock, roleNames, playerNames, me, large = false }: Props) {
  if (injects.length === 0) return <p className="empty">No injects yet. They appear here as the story unfolds.</p>;
  const waiting = (i: RevealedInject) => me !== null && i.page && !i.acknowledgedBy.includes(me);
  // Unacknowledged pages go first: they are what someone must act on now.
  const ordered = [...injects].reverse().sort((a, b) => Number(waiting(b)) - Number(waiting(a)));
  return (
    <ol className={`inject-feed ${large ? 'large' : ''}`} aria-live="polite">
      {ordered.map((inject) => (
        <li key={inject.key} className={`inject ${inject.page ? 'page' : ''} ${waiting(inject) ? 'waiting' : ''}`}>
          <header className="inject-head">
            <span className="inject-kind">
              <Icon name={inject.page ? 'bell' : 'mail'} size={15} />
              {inject.page ? 'PAGE' : 'Inject'}
            </span>
            <time>{gameClockAt(clock, inject.at.game)}</time>
            <span className="inject-to">{inject.to === null ? 'Everyone' : `To ${inject.to.map((r) => roleNames[r] ?? r).join(', ')}`}</span>
          </header>
          <p className="inject-text">{inject.text}</p>
          {inject.page ? <AckState inject={inject} me={me} playerNames={playerNames} /> : null}
        </li>
      ))}
    </ol>
  );
}
