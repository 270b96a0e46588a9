import {
  annotationsBySession,
  FIGURE_DEFINITIONS,
  FIGURE_IDS,
  practiceDurations,
  type FigureId,
  type IncidentRecord,
  type RunAnnotation,
} from '@chaos-quest/engine';

/** Each figure's column: named for the clock its definition measures it on, so no column needs a guess. */
const column = (id: FigureId) => `${id}_${FIGURE_DEFINITIONS[id].clock === 'game' ? 'game_min' : 'wall_ms'}`;

const HEADER = [
  'session_id',
  'scenario_id',
  'team',
  'services',
  'outcome',
  'started_at',
  'ended_at',
  'detection_source',
  'monitoring',
  'false_alarms',
  ...FIGURE_IDS.map(column),
  'excluded',
  'exclusion_reason',
  'note',
];

/**
 * One CSV row per incident with each figure as its definition measures it (empty when not reached),
 * whether a facilitator left it out of the figures and why, and their note; then, after an empty
 * line, every column's written definition. RFC 4180 quoting. Text a person typed (the team label,
 * the reason and the note) gets the formula guard: the ids, numbers and timestamps are ours and are
 * written as they are. Pure.
 */
export function metricsCsv(records: readonly IncidentRecord[], annotations: readonly RunAnnotation[] = []): string {
  const by = annotationsBySession(annotations);
  const rows = records.map((r) => {
    const durations = practiceDurations(r);
    const a = by.get(r.sessionId);
    return [
      r.sessionId,
      r.scenario.id,
      typed(r.team ?? ''),
      r.services.join(' '),
      r.outcome ?? '',
      iso(r.milestones.started?.wall ?? r.startedAt),
      iso(r.endedAt),
      r.detectionSource ?? '',
      r.monitoring ?? '',
      String(r.falseAlarms.length),
      ...FIGURE_IDS.map((id) => (durations[id] === null ? '' : String(durations[id]))),
      a?.excluded ? 'yes' : 'no',
      typed(a?.excluded ? (a.reason ?? '') : ''),
      typed(a?.note ?? ''),
    ];
  });
  const definitions = [
    ['column', 'definition'],
    ...FIGURE_IDS.map((id) => [column(id), `${FIGURE_DEFINITIONS[id].name}: ${FIGURE_DEFINITIONS[id].practice}`]),
    ['detection_source', `${FIGURE_DEFINITIONS.awareness.name}: ${FIGURE_DEFINITIONS.awareness.practice}`],
    [
      'monitoring',
      'What paged the team: thresholds, or thresholds+baseline (the dynamic baseline too); empty without telemetry.',
    ],
    ['excluded', 'yes when a facilitator left the run out of the figures; exclusion_reason says why.'],
  ];
  return [HEADER, ...rows, [], ...definitions].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
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
