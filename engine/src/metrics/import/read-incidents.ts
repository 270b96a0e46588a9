import type { ImportFormat, RealIncident, RealMilestone } from '../../incident/real.ts';
import type { DetectionSource } from '../../scenario/schema.ts';
import { parseCsv, type CsvRow } from './csv.ts';
import { COLUMN_MAPS, detectFormat, normalizeHeader, type ColumnMap, type ImportField } from './formats.ts';
import { parseDuration, parseInstant } from './instant.ts';

/** More rows than this in one file are refused: split the export. */
export const MAX_IMPORT_ROWS = 20_000;
const MAX_TEXT = 200;
const MAX_SERVICE = 100;

export interface RejectedRow {
  /** The line of the file the row starts on. */
  row: number;
  reason: string;
}

export interface IncidentImport {
  format: ImportFormat;
  label: string;
  incidents: RealIncident[];
  rejected: RejectedRow[];
}

export type IncidentImportResult = ({ ok: true } & IncidentImport) | { ok: false; message: string };

const SOURCES: Readonly<Record<string, DetectionSource>> = {
  monitoring: 'monitoring',
  alert: 'monitoring',
  alerting: 'monitoring',
  automated: 'monitoring',
  monitor: 'monitoring',
  customer: 'customer',
  customers: 'customer',
  support: 'customer',
  user: 'customer',
  users: 'customer',
  team: 'team',
  engineer: 'team',
  staff: 'team',
  internal: 'team',
  facilitator: 'facilitator',
};
const MILESTONE_ORDER: readonly [RealMilestone, RealMilestone][] = [
  ['started', 'detected'],
  ['detected', 'acknowledged'],
  ['started', 'mitigated'],
  ['started', 'resolved'],
  ['detected', 'resolved'],
  ['mitigated', 'resolved'],
];

/**
 * Reads a CSV of real incidents in the generic shape or a PagerDuty or Opsgenie export (detected from
 * the header unless `format` is given). Good rows become incidents with a stable key (the tool's id,
 * else service + start + title), bad rows are listed with their line and reason, and a row repeating
 * an earlier key is reported, not added. Returns an error value when the file as a whole cannot be read. Pure.
 */
export function readIncidentCsv(text: string, format?: ImportFormat): IncidentImportResult {
  const csv = parseCsv(text);
  if (!csv.ok) return csv;
  const map = format ? COLUMN_MAPS[format] : detectFormat(csv.header);
  if (!map) {
    const seen = csv.header.slice(0, 8).join(', ');
    const generic = 'service, title, severity, started, detected, acknowledged, mitigated, resolved, detected_by';
    return {
      ok: false,
      message: `The header (${seen}) is not one we know. Use the generic columns ${generic}, or a PagerDuty or Opsgenie CSV export.`,
    };
  }
  if (csv.rows.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      message: `The file has ${csv.rows.length} rows; at most ${MAX_IMPORT_ROWS} are read at once. Split it and import each part.`,
    };
  }
  const index = columnIndex(map, csv.header);
  if (index.service === undefined || index.title === undefined) {
    return {
      ok: false,
      message: `A ${map.label} needs a service and a title column (${map.columns.service?.join(' or ')}; ${map.columns.title?.join(' or ')}).`,
    };
  }
  const incidents: RealIncident[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  for (const row of csv.rows) {
    const read = readRow(map, index, row);
    if (typeof read === 'string') rejected.push({ row: row.row, reason: read });
    else if (seen.has(read.key))
      rejected.push({ row: row.row, reason: `the same incident as line ${seen.get(read.key)} (key ${read.key})` });
    else {
      seen.set(read.key, row.row);
      incidents.push(read);
    }
  }
  return { ok: true, format: map.format, label: map.label, incidents, rejected };
}

type Index = Partial<Record<ImportField | 'derivedAcknowledged' | 'derivedResolved', number>>;

function columnIndex(map: ColumnMap, header: readonly string[]): Index {
  const names = header.map(normalizeHeader);
  const find = (options: readonly string[] | undefined) => {
    for (const name of options ?? []) if (names.includes(name)) return names.indexOf(name);
    return undefined;
  };
  const index: Index = {};
  for (const field of Object.keys(map.columns) as ImportField[]) {
    const at = find(map.columns[field]);
    if (at !== undefined) index[field] = at;
  }
  const ack = find(map.derived.acknowledged?.columns);
  const resolved = find(map.derived.resolved?.columns);
  if (ack !== undefined) index.derivedAcknowledged = ack;
  if (resolved !== undefined) index.derivedResolved = resolved;
  return index;
}

/** One row as an incident, or the reason it cannot be one. */
function readRow(map: ColumnMap, index: Index, { cells }: CsvRow): RealIncident | string {
  const cell = (field: keyof Index) => (index[field] === undefined ? '' : (cells[index[field]] ?? '').trim());
  // Opsgenie lists impacted services comma-separated; the first names the incident's service.
  const service = cell('service').split(',')[0]?.trim() ?? '';
  const title = cell('title');
  if (!service) return 'no service: every incident needs the service it hit';
  if (!title) return 'no title: give each incident a short title';
  if (service.length > MAX_SERVICE) return `the service is longer than ${MAX_SERVICE} characters`;
  if (title.length > MAX_TEXT) return `the title is longer than ${MAX_TEXT} characters`;
  const at: RealIncident['at'] = {};
  for (const m of ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const) {
    const raw = cell(m);
    if (!raw) continue;
    const ms = parseInstant(raw);
    if (ms === null)
      return `${m} '${raw.slice(0, 40)}' is not a date and time: use ISO 8601 such as 2025-03-01T09:42:00Z`;
    at[m] = ms;
  }
  for (const [m, field] of [
    ['acknowledged', 'derivedAcknowledged'],
    ['resolved', 'derivedResolved'],
  ] as const) {
    const raw = cell(field);
    if (at[m] !== undefined || !raw || at.detected === undefined) continue;
    const ms = parseDuration(raw, map.derived[m]?.unit ?? 's');
    if (ms === null) return `${m} after the alert '${raw.slice(0, 40)}' is not a number`;
    at[m] = at.detected + ms;
  }
  if (at.started === undefined && at.detected === undefined)
    return 'no start: give started or detected, so the incident has a time';
  for (const [a, b] of MILESTONE_ORDER) {
    const [ta, tb] = [at[a], at[b]];
    if (ta !== undefined && tb !== undefined && tb < ta) return `${b} is before ${a}: check the two times`;
  }
  const by = cell('detectedBy').toLowerCase();
  if (by && !SOURCES[by]) return `detected_by '${by.slice(0, 40)}' is not one of monitoring, customer, team`;
  const id = cell('id');
  const start = at.started ?? at.detected;
  return {
    practice: false,
    key: id ? `${map.format}:${id}` : `${map.format}:${service}|${start}|${title}`,
    format: map.format,
    service,
    title,
    severity: cell('severity') || null,
    team: cell('team') || null,
    at,
    detectionSource: by ? (SOURCES[by] ?? null) : null,
  };
}
