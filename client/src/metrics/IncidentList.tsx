import type { PublishedRecord } from '@chaos-quest/engine';
import { span } from '@chaos-quest/engine/client';
import { formatDate, formatGameMinutes, formatWallDuration } from '../time/format.ts';
import { FIGURE_ANCHORS } from './trend-series.ts';
import { ScrollTable } from '../ui/ScrollTable.tsx';

function spanText(record: PublishedRecord, key: 'mttd' | 'mttr'): string {
  const s = span(record, FIGURE_ANCHORS[key]);
  return s ? `${formatGameMinutes(s.game)} · ${formatWallDuration(s.wall)}` : '–';
}

/** The practice incidents behind the figures, newest first. */
export function IncidentList({ records }: { records: readonly PublishedRecord[] }) {
  if (records.length === 0) return <p className="empty">No practice incidents match.</p>;
  const sorted = [...records].sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0));
  return (
    <ScrollTable label="Practice incidents" className="incident-table">
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Scenario</th>
          <th scope="col">Team</th>
          <th scope="col">Outcome</th>
          <th scope="col">Detect (game · real)</th>
          <th scope="col">Resolve (game · real)</th>
          <th scope="col">False alarms</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={r.sessionId}>
            <td>{r.startedAt ? formatDate(r.startedAt) : '–'}</td>
            <td>{r.scenario.title}</td>
            <td>{r.team ?? '–'}</td>
            <td>{r.outcome ?? 'unfinished'}</td>
            <td>{spanText(r, 'mttd')}</td>
            <td>{spanText(r, 'mttr')}</td>
            <td>{r.falseAlarms.length}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
