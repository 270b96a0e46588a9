import { span, type IncidentRecord, type RecordMilestone } from '@chaos-quest/engine';

const SPANS: [string, RecordMilestone, RecordMilestone][] = [
  ['ttd', 'started', 'detected'],
  ['tta', 'firstPage', 'acknowledged'],
  ['ttm', 'started', 'mitigated'],
  ['ttr', 'started', 'resolved'],
];

const HEADER = [
  'session_id', 'scenario_id', 'team', 'services', 'outcome', 'started_at', 'ended_at', 'detection_source', 'false_alarms',
  ...SPANS.flatMap(([name]) => [`${name}_game_min`, `${name}_wall_ms`]),
];

/** One CSV row per incident with its durations on both clocks (empty when not reached), RFC 4180 quoting. Pure. */
export function metricsCsv(records: readonly IncidentRecord[]): string {
  const rows = records.map((r) => [
    r.sessionId, r.scenario.id, r.team ?? '', r.services.join(' '), r.outcome ?? '',
    iso(r.milestones.started?.wall ?? r.startedAt), iso(r.endedAt), r.detectionSource ?? '', String(r.falseAlarms.length),
    ...SPANS.flatMap(([, from, to]) => {
      const s = span(r, { from, to });
      return s ? [String(s.game), String(s.wall)] : ['', ''];
    }),
  ]);
  return [HEADER, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

function quote(value: string): string {
  // A leading = + - @ would run as a formula in a spreadsheet; a quote mark keeps it text.
  const safe = /^[=+\-@]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
