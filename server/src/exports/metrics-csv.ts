import { span, type IncidentRecord, type RecordMilestone } from '@chaos-quest/engine';

const SPANS: [string, RecordMilestone, RecordMilestone][] = [
  ['ttd', 'started', 'detected'],
  ['tta', 'firstPage', 'acknowledged'],
  ['ttm', 'started', 'mitigated'],
  ['ttr', 'started', 'resolved'],
];

const HEADER = [
  'session_id',
  'scenario_id',
  'team',
  'services',
  'outcome',
  'started_at',
  'ended_at',
  'detection_source',
  'false_alarms',
  ...SPANS.flatMap(([name]) => [`${name}_game_min`, `${name}_wall_ms`]),
];

/**
 * One CSV row per incident with its durations on both clocks (empty when not reached), RFC 4180
 * quoting. The team label is the one cell typed by a person, so it alone gets the formula guard:
 * the ids, numbers and timestamps are ours and are written as they are. Pure.
 */
export function metricsCsv(records: readonly IncidentRecord[]): string {
  const rows = records.map((r) => [
    r.sessionId,
    r.scenario.id,
    typed(r.team ?? ''),
    r.services.join(' '),
    r.outcome ?? '',
    iso(r.milestones.started?.wall ?? r.startedAt),
    iso(r.endedAt),
    r.detectionSource ?? '',
    String(r.falseAlarms.length),
    ...SPANS.flatMap(([, from, to]) => {
      const s = span(r, { from, to });
      return s ? [String(s.game), String(s.wall)] : ['', ''];
    }),
  ]);
  return [HEADER, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

/**
 * Typed text that a spreadsheet would run as a formula (a leading = + - @, perhaps after spaces,
 * tabs or line breaks that some spreadsheets skip) gets a leading quote mark, so it stays text. A
 * plain number such as -5 is read as a number, not a formula, and is left alone.
 */
function typed(value: string): string {
  return /^\s*[=+\-@]/.test(value) && !/^\s*[+-]?\d+(\.\d+)?\s*$/.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
