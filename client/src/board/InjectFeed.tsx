import type { PlayerId, RevealedInject } from '@chaos-quest/engine';
import { gameClockAt } from '../time/format.ts';
import { Icon } from '../ui/Icon.tsx';
import { NewMark } from '../attention/NewMark.tsx';

interface Props {
  injects: readonly RevealedInject[];
  clock: { minutes: number; label: string };
  roleNames: Readonly<Record<string, string>>;
  playerNames: Readonly<Record<string, string>>;
  /** The player looking; null for the facilitator and the big screen. */
  me: PlayerId | null;
  large?: boolean;
  /** Keys of the injects this screen has not shown to anyone yet: marked new. */
  fresh?: ReadonlySet<string>;
}

function AckState({
  inject,
  me,
  playerNames,
}: {
  inject: RevealedInject;
  me: PlayerId | null;
  playerNames: Props['playerNames'];
}) {
  if (me !== null && inject.acknowledgedBy.includes(me)) {
    return (
      <p className="ack done">
        <Icon name="check" size={14} /> You acknowledged this page
      </p>
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

/** Whether `me` (a player) still has to acknowledge this inject. Pure. */
export function awaitsAck(inject: RevealedInject, me: PlayerId): boolean {
  return inject.page && !inject.acknowledgedBy.includes(me);
}

/**
 * Revealed injects, newest first; pages stand out. For a player, pages still to acknowledge are
 * left out: PageAlerts shows them at the top of the screen.
 */
export function InjectFeed({ injects, clock, roleNames, playerNames, me, large = false, fresh }: Props) {
  const waiting = (i: RevealedInject) => me !== null && awaitsAck(i, me);
  const ordered = [...injects].reverse().filter((i) => !waiting(i));
  if (ordered.length === 0) return <p className="empty">No injects yet. They appear here as the story unfolds.</p>;
  return (
    <ol className={`inject-feed ${large ? 'large' : ''}`} aria-live="polite">
      {ordered.map((inject) => (
        <li key={inject.key} className={`inject ${inject.page ? 'page' : ''} ${fresh?.has(inject.key) ? 'fresh' : ''}`}>
          <header className="inject-head">
            {fresh?.has(inject.key) ? <NewMark /> : null}
            <span className="inject-kind">
              <Icon name={inject.page ? 'bell' : 'mail'} size={15} />
              {inject.page ? 'PAGE' : 'Inject'}
            </span>
            <time>{gameClockAt(clock, inject.at.game)}</time>
            <span className="inject-to">
              {inject.to === null ? 'Everyone' : `To ${inject.to.map((r) => roleNames[r] ?? r).join(', ')}`}
            </span>
          </header>
          <p className="inject-text">{inject.text}</p>
          {inject.page ? <AckState inject={inject} me={me} playerNames={playerNames} /> : null}
        </li>
      ))}
    </ol>
  );
}
