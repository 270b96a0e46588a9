import { useState } from 'react';
import { seats } from '../api/browser-seats.ts';
import { formatRoute } from '../app/route.ts';
import { formatDate } from '../time/format.ts';

/** Sessions this browser holds a seat in, to return to. */
export function MySeats() {
  const [list, setList] = useState(() => seats.list());
  if (list.length === 0) return null;
  return (
    <section className="card my-seats" aria-labelledby="seats-title">
      <h2 id="seats-title">Your sessions</h2>
      <ul>
        {list.slice(0, 8).map((s) => (
          <li key={`${s.kind}.${s.sessionId}`}>
            <a
              href={formatRoute(
                s.kind === 'facilitator'
                  ? { name: 'facilitate', sessionId: s.sessionId }
                  : { name: 'play', sessionId: s.sessionId },
              )}
            >
              <strong>{s.title ?? `Session ${s.joinCode}`}</strong>
              <span>
                {s.kind === 'facilitator' ? 'Facilitator' : `Player: ${s.name ?? ''}`} · code {s.joinCode}
                {s.savedAt ? ` · ${formatDate(s.savedAt)}` : ''}
              </span>
            </a>
            <button
              type="button"
              className="button quiet small"
              aria-label={`Forget ${s.title ?? s.joinCode} (${s.kind})`}
              onClick={() => {
                seats.forget(s.sessionId, s.kind);
                setList(seats.list());
              }}
            >
              Forget
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
