import type { RevealedInject } from '@chaos-quest/engine';
import { gameClockAt } from '../time/format.ts';
import { CommandButton } from '../ui/CommandButton.tsx';
import { Icon } from '../ui/Icon.tsx';

/**
 * Pages waiting for this player's acknowledgement, at the top of the screen where a phone shows
 * them first. Once acknowledged, a page moves down into the inject feed.
 */
export function PageAlerts({
  pages,
  clock,
}: {
  pages: readonly RevealedInject[];
  clock: { minutes: number; label: string };
}) {
  if (pages.length === 0) return null;
  return (
    <section className="page-alerts" aria-label="Pages to acknowledge" role="alert">
      {pages.map((p) => (
        <article key={p.key} className="page-alert">
          <header>
            <Icon name="bell" size={18} /> You are paged · <time>{gameClockAt(clock, p.at.game)}</time>
          </header>
          <p>{p.text}</p>
          <CommandButton control={`inject.ack:${p.key}`} command={{ type: 'inject.ack', key: p.key }} variant="primary">
            <Icon name="check" size={16} /> Acknowledge page
          </CommandButton>
        </article>
      ))}
    </section>
  );
}
