import type { ExerciseView } from '@chaos-quest/engine';

/** What the table said in the hot wash, for the facilitator: every form, and the areas by votes. */
export function HotwashResults({ exercise }: { exercise: ExerciseView }) {
  const { hotwash } = exercise;
  if (hotwash.forms === 0)
    return <p className="empty">No feedback forms yet{hotwash.anonymous ? ' (anonymous)' : ''}.</p>;
  const average = hotwash.feedback.reduce((n, f) => n + f.rating, 0) / hotwash.forms;
  const byVotes = [...hotwash.feedback].sort((a, b) => (hotwash.votes[b.id] ?? 0) - (hotwash.votes[a.id] ?? 0));
  return (
    <div className="hotwash-results">
      <p>
        {hotwash.forms} forms{hotwash.anonymous ? ', anonymous' : ''} · average rating {average.toFixed(1)} of 5
      </p>
      <table className="plain-table">
        <thead>
          <tr>
            <th scope="col">To improve</th>
            <th scope="col">Votes</th>
            <th scope="col">Went well</th>
            <th scope="col">Rating</th>
          </tr>
        </thead>
        <tbody>
          {byVotes.map((f) => (
            <tr key={f.id}>
              <td>
                {f.toImprove}
                {f.by ? <small className="muted"> ({f.by})</small> : null}
              </td>
              <td>{hotwash.votes[f.id] ?? 0}</td>
              <td>{f.wentWell}</td>
              <td>{f.rating}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
