import { useEffect, useState } from 'react';
import type { ObjectiveTrend } from '@chaos-quest/engine';
import { RATING_LABELS } from '@chaos-quest/engine/client';
import { messageOf, requestJson } from '../api/http.ts';
import { formatDate } from '../time/format.ts';
import { FieldError } from '../ui/FieldError.tsx';
import './evaluation.css';

/** One team's rating of each exercise objective, game day by game day: is "notify within 72 hours" moving from M to S to P? */
export function ObjectiveTrendTable({ team }: { team: string }) {
  const [trend, setTrend] = useState<ObjectiveTrend | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    requestJson<ObjectiveTrend>(`/api/metrics/objectives?team=${encodeURIComponent(team)}`, { admin: true }).then(
      (t) => live && (setTrend(t), setError(null)),
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [team]);
  if (error) return <FieldError message={error} />;
  if (!trend) return <p className="loading">Loading…</p>;
  if (trend.runs.length === 0)
    return (
      <p className="empty">
        No rated exercises {team ? `for team ${team}` : 'for sessions without a team'} yet. Pick a team in the filters
        above.
      </p>
    );
  return (
    <div className="table-scroll">
      <table className="plain-table objective-trend">
        <caption className="muted small">
          Ratings by game day, oldest first: P {RATING_LABELS.P.toLowerCase()}, S with some, M with major challenges, U
          unable to be performed.
        </caption>
        <thead>
          <tr>
            <th scope="col">Objective</th>
            {trend.runs.map((r) => (
              <th scope="col" key={r.sessionId}>
                {r.startedAt ? formatDate(r.startedAt) : r.sessionId}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {trend.objectives.map((o) => (
            <tr key={o.id}>
              <th scope="row">{o.title}</th>
              {o.ratings.map((r, i) => (
                <td key={i} className={`rating-cell rating-${r ?? 'none'}`}>
                  {r ?? '–'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
