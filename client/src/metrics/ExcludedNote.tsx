import type { Exclusion, PublishedRecord } from '@chaos-quest/engine';

/** Says how many runs the figures leave out and why, so no run disappears from them silently. */
export function ExcludedNote({
  excluded,
  records,
}: {
  excluded: readonly Exclusion[];
  records: readonly PublishedRecord[];
}) {
  if (excluded.length === 0) return null;
  const titles = new Map(records.map((r) => [r.sessionId, r.scenario.title]));
  return (
    <div className="excluded-note" role="note">
      <strong>
        {excluded.length} excluded: {excluded.length === 1 ? 'a run' : 'runs'} a facilitator left out of these figures
      </strong>
      <ul>
        {excluded.map((e) => (
          <li key={e.sessionId}>
            {titles.get(e.sessionId) ?? e.sessionId}: {e.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
