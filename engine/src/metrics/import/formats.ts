import type { ImportFormat } from '../../incident/real.ts';

export type ImportField =
  | 'id'
  | 'service'
  | 'title'
  | 'severity'
  | 'team'
  | 'started'
  | 'detected'
  | 'acknowledged'
  | 'mitigated'
  | 'resolved'
  | 'detectedBy';

/** A milestone the export gives as a duration after the alert rather than as a timestamp. */
export interface DerivedTime {
  columns: readonly string[];
  unit: 's' | 'ms';
}

/** How one tool's CSV export maps onto a real incident. Header names compare lowercased, letters and digits only. */
export interface ColumnMap {
  format: ImportFormat;
  label: string;
  /** Accepted header names per field, in order of preference. */
  columns: Partial<Record<ImportField, readonly string[]>>;
  /** Used when the timestamp column is absent or empty: the alert (detected) plus this duration. */
  derived: Partial<Record<'acknowledged' | 'resolved', DerivedTime>>;
  /** Any one of these headers marks a file as this format. */
  signature: readonly (readonly string[])[];
}

/** Lowercase, letters and digits only: "Created At", "created_at" and "createdAt" all read `createdat`. */
export const normalizeHeader = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The documented generic CSV: one column per field, timestamps in ISO 8601. */
export const GENERIC: ColumnMap = {
  format: 'generic',
  label: 'Generic CSV',
  columns: {
    id: ['id'],
    service: ['service'],
    title: ['title'],
    severity: ['severity'],
    team: ['team'],
    started: ['started'],
    detected: ['detected'],
    acknowledged: ['acknowledged'],
    mitigated: ['mitigated'],
    resolved: ['resolved'],
    detectedBy: ['detectedby'],
  },
  derived: {},
  signature: [['detectedby'], ['service', 'title', 'started']],
};

/**
 * PagerDuty's incident CSV (Incidents or Analytics, "Download CSV"): the incident's creation is the
 * alert, so it is when monitoring detected it; PagerDuty has no start of impact, so MTTD is not reached.
 */
export const PAGERDUTY: ColumnMap = {
  format: 'pagerduty',
  label: 'PagerDuty incident export',
  columns: {
    id: ['incidentnumber', 'id', 'incidentid'],
    title: ['title', 'description', 'summary'],
    service: ['servicename', 'service'],
    team: ['teamname', 'teams', 'escalationpolicyname'],
    severity: ['priorityname', 'priority', 'urgency'],
    detected: ['createdat', 'createdon'],
    acknowledged: ['acknowledgedat', 'firstacknowledgedat'],
    resolved: ['resolvedat', 'resolvedon'],
  },
  derived: {
    acknowledged: { columns: ['secondstofirstack'], unit: 's' },
    resolved: { columns: ['secondstoresolve'], unit: 's' },
  },
  signature: [['incidentnumber'], ['servicename'], ['createdon'], ['secondstoresolve']],
};

/**
 * Opsgenie's alert and incident exports: an alert's CreatedAt is the detection, its report's AckTime
 * and CloseTime are milliseconds after it; an incident's impact dates give start, detection and mitigation.
 */
export const OPSGENIE: ColumnMap = {
  format: 'opsgenie',
  label: 'Opsgenie alert or incident export',
  columns: {
    id: ['tinyid', 'id', 'alias'],
    title: ['message'],
    service: ['impactedservices', 'services', 'service', 'entity'],
    team: ['teams', 'team', 'ownerteam'],
    severity: ['priority'],
    started: ['impactstartdate'],
    detected: ['impactdetectdate', 'createdat'],
    acknowledged: ['acknowledgedat'],
    mitigated: ['impactenddate'],
    resolved: ['closedat', 'resolvedat'],
  },
  derived: { acknowledged: { columns: ['acktime'], unit: 'ms' }, resolved: { columns: ['closetime'], unit: 'ms' } },
  signature: [['tinyid'], ['message', 'createdat'], ['impactstartdate']],
};

export const COLUMN_MAPS: Readonly<Record<ImportFormat, ColumnMap>> = {
  generic: GENERIC,
  pagerduty: PAGERDUTY,
  opsgenie: OPSGENIE,
};

/** The format a header row belongs to, checking the tools' exports before the generic shape; null if none fits. Pure. */
export function detectFormat(header: readonly string[]): ColumnMap | null {
  const names = new Set(header.map(normalizeHeader));
  for (const map of [OPSGENIE, PAGERDUTY, GENERIC])
    if (map.signature.some((all) => all.every((h) => names.has(h)))) return map;
  return null;
}
