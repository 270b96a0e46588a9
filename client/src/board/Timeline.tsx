import { useState } from 'react';
import type { Audience, TimelineEntry, TimelineKind } from '@chaos-quest/engine';
import { formatWallTime, gameClockAt } from '../time/format.ts';
import { Icon, type IconName } from '../ui/Icon.tsx';
import { useEarlierTimeline } from '../session/SessionProvider.tsx';

const KIND_ICON: Record<TimelineKind, IconName> = {
  phase: 'play',
  scene: 'map',
  inject: 'mail',
  page: 'bell',
  choice: 'check',
  roll: 'dice',
  milestone: 'flag',
  declaration: 'megaphone',
  'false-alarm': 'warn',
  post: 'chat',
  proposal: 'bulb',
  coach: 'compass',
  clock: 'clock',
  player: 'user',
  health: 'pulse',
  narration: 'chat',
  'action-item': 'list',
  'debrief-note': 'bulb',
  card: 'copy',
};

interface Props {
  entries: readonly TimelineEntry[];
  clock: { minutes: number; label: string };
  /** Role names by id, to say who a private entry went to. */
  roleNames?: Readonly<Record<string, string>>;
  /** Show the wall-clock time beside the game clock (the debrief does). */
  wall?: boolean;
  /** Newest first (live) or oldest first (debrief). */
  order?: 'newest' | 'oldest';
  limit?: number;
  /** How many entries this viewer may see in all (the view's timelineCount): older ones load on demand. */
  total?: number;
}

function audienceText(audience: Audience, roles: Readonly<Record<string, string>>): string | null {
  if (audience === 'all') return null;
  if (audience === 'facilitator') return 'Facilitator only';
  return `To ${audience.roles.map((r) => roles[r] ?? r).join(', ')}`;
}

/** What happened, in order, each line on the game clock (and the wall clock when asked). */
export function Timeline({
  entries,
  clock,
  roleNames = {},
  wall = false,
  order = 'newest',
  limit = 40,
  total = entries.length,
}: Props) {
  const [all, setAll] = useState(false);
  const earlier = useEarlierTimeline(entries, total);
  const known = earlier.older.length ? [...earlier.older, ...entries] : entries;
  const sorted = order === 'newest' ? [...known].reverse() : known;
  const shown = all ? sorted : sorted.slice(0, limit);
  if (entries.length === 0) return <p className="empty">Nothing has happened yet.</p>;
  return (
    <>
      <ol className="timeline">
        {shown.map((e) => {
          const to = audienceText(e.audience, roleNames);
          return (
            <li key={`${e.seq}-${e.kind}-${e.text}`} className={`timeline-entry kind-${e.kind}`}>
              <span className="timeline-time">
                <time>{gameClockAt(clock, e.at.game)}</time>
                {wall ? <small>{formatWallTime(e.at.wall)}</small> : null}
              </span>
              <span className="timeline-icon">
                <Icon name={KIND_ICON[e.kind]} size={15} />
              </span>
              <span className="timeline-text">
                {e.text}
                <small className="timeline-by">
                  {e.by}
                  {to ? (
                    <span className="audience">
                      <Icon name="lock" size={11} /> {to}
                    </span>
                  ) : null}
                </small>
              </span>
            </li>
          );
        })}
      </ol>
      {sorted.length > limit ? (
        <button type="button" className="button quiet small" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${sorted.length}`}
        </button>
      ) : null}
      {(all || sorted.length <= limit) && earlier.missing > 0 ? (
        <button
          type="button"
          className="button quiet small"
          disabled={earlier.loading}
          aria-busy={earlier.loading}
          onClick={earlier.loadEarlier}
        >
          Load {Math.min(100, earlier.missing)} earlier of {earlier.missing}
        </button>
      ) : null}
      {earlier.error ? <p className="field-error">{earlier.error}</p> : null}
    </>
  );
}
