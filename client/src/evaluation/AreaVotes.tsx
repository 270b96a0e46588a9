import type { HotwashView } from '@chaos-quest/engine';
import { EXERCISE_LIMITS } from '@chaos-quest/engine/client';
import { useCommand } from '../session/SessionProvider.tsx';
import { FieldError } from '../ui/FieldError.tsx';

/** The table's vote on which areas to improve matter most: each person has a few votes to give. */
export function AreaVotes({ hotwash, mine }: { hotwash: HotwashView; mine: readonly string[] | null }) {
  const { send, busy, error } = useCommand('area.vote');
  if (hotwash.areas.length === 0) return <p className="empty">No areas to improve yet: they come from the forms.</p>;
  const sorted = [...hotwash.areas].sort((a, b) => b.votes - a.votes);
  const left = mine ? EXERCISE_LIMITS.votes - mine.length : 0;
  return (
    <div className="area-votes">
      {mine && hotwash.open ? (
        <p className="muted small">
          Vote for what matters most: {left} of {EXERCISE_LIMITS.votes} votes left.
        </p>
      ) : null}
      <ul>
        {sorted.map((area) => {
          const voted = mine?.includes(area.id) ?? false;
          return (
            <li key={area.id} className={voted ? 'voted' : ''}>
              <span className="area-text">{area.text}</span>
              <span className="vote-count" aria-label={`${area.votes} votes`}>
                {area.votes}
              </span>
              {mine && hotwash.open ? (
                <button
                  type="button"
                  className="button small"
                  aria-pressed={voted}
                  disabled={busy || (!voted && left === 0)}
                  onClick={() => void send({ type: 'area.vote', area: area.id, vote: !voted })}
                >
                  {voted ? 'Take back' : 'Vote'}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <FieldError message={error} />
    </div>
  );
}
