import type { IncidentRecord, RealIncident } from '@chaos-quest/engine';
import { sha256Hex } from '../sha256.ts';
import type { ConsoleSeat, Seat, SessionRow, Snapshot } from './store.ts';

/**
 * Rows as both stores keep them, and the checks that stop a damaged row from turning into a
 * half-valid object somewhere far away. Every decode throws an Error naming the table and key.
 */

export interface SessionDbRow {
  id: string;
  scenario_id: string;
  scenario_hash: string;
  seed: string;
  team: string | null;
  join_code: string;
  created_at: number;
  ended_at: number | null;
}

export interface TokenDbRow {
  session_id: string;
  kind: string;
  player_id: string | null;
}

export function encodeSession(row: SessionRow): SessionDbRow {
  return {
    id: row.id,
    scenario_id: row.scenarioId,
    scenario_hash: row.scenarioHash,
    seed: row.seed,
    team: row.team,
    join_code: row.joinCode,
    created_at: row.createdAt,
    ended_at: row.endedAt,
  };
}

export function decodeSession(row: SessionDbRow): SessionRow {
  const bad = (field: string) => new Error(`Corrupt session row ${String(row.id)}: ${field} has the wrong type.`);
  for (const field of ['id', 'scenario_id', 'scenario_hash', 'seed', 'join_code'] as const) {
    if (typeof row[field] !== 'string') throw bad(field);
  }
  if (row.team !== null && typeof row.team !== 'string') throw bad('team');
  if (!Number.isSafeInteger(row.created_at)) throw bad('created_at');
  if (row.ended_at !== null && !Number.isSafeInteger(row.ended_at)) throw bad('ended_at');
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    scenarioHash: row.scenario_hash,
    seed: row.seed,
    team: row.team,
    joinCode: row.join_code,
    createdAt: row.created_at,
    endedAt: row.ended_at,
  };
}

export function decodeSeat(row: TokenDbRow): Seat {
  if ((row.kind === 'facilitator' || row.kind === 'co-facilitator') && row.player_id === null)
    return { sessionId: row.session_id, kind: row.kind };
  if (row.kind === 'player' && typeof row.player_id === 'string')
    return { sessionId: row.session_id, kind: 'player', playerId: row.player_id };
  throw new Error(
    `Corrupt token row for session ${row.session_id}: kind ${row.kind} with player ${String(row.player_id)}.`,
  );
}

export interface ConsoleCodeDbRow {
  session_id: string;
  kind: string;
  expires_at: number;
}

/** The seat a spent console code opens, or null when it had expired by `now`. Throws for a corrupt row. */
export function decodeConsoleCode(row: ConsoleCodeDbRow, now: number): ConsoleSeat | null {
  if ((row.kind !== 'facilitator' && row.kind !== 'co-facilitator') || !Number.isSafeInteger(row.expires_at))
    throw new Error(`Corrupt console code row for session ${row.session_id}: kind ${row.kind}.`);
  return row.expires_at > now ? { sessionId: row.session_id, kind: row.kind } : null;
}

/**
 * Parses a stored incident record. There is no schema for the whole record in the engine, so this
 * checks what identifies it (practice flag, session, scenario) and that it is the session's own.
 */
export function decodeIncident(sessionId: string, text: string): IncidentRecord {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    throw new Error(`Corrupt incident record for session ${sessionId}: ${(error as Error).message}`, { cause: error });
  }
  const r = record as Partial<IncidentRecord> | null;
  const valid =
    typeof r === 'object' &&
    r !== null &&
    r.practice === true &&
    r.sessionId === sessionId &&
    typeof r.scenario === 'object' &&
    r.scenario !== null &&
    typeof r.scenario.id === 'string' &&
    typeof r.milestones === 'object';
  if (!valid)
    throw new Error(
      `Corrupt incident record for session ${sessionId}: not a practice-incident record of that session.`,
    );
  return record as IncidentRecord;
}

/** Serialises an incident record. Throws when it claims to belong to another session. */
export function encodeIncident(sessionId: string, record: IncidentRecord): string {
  if (record.sessionId !== sessionId)
    throw new Error(`Incident record of session ${record.sessionId} cannot be stored under session ${sessionId}.`);
  return JSON.stringify(record);
}

/** Parses a stored real incident, checking what identifies it (not practice, its key, a service, its times). */
export function decodeReal(key: string, text: string): RealIncident {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    throw new Error(`Corrupt real incident ${key}: ${(error as Error).message}`, { cause: error });
  }
  const r = record as Partial<RealIncident> | null;
  const valid =
    typeof r === 'object' &&
    r !== null &&
    r.practice === false &&
    r.key === key &&
    typeof r.service === 'string' &&
    typeof r.at === 'object';
  if (!valid) throw new Error(`Corrupt real incident ${key}: not a real-incident record with that key.`);
  return record as RealIncident;
}

/** Serialises a real incident. Throws for a practice record or one without a key: they never mix. */
export function encodeReal(incident: RealIncident): string {
  if (incident.practice !== false || typeof incident.key !== 'string' || incident.key === '') {
    throw new Error(
      'Only real incidents with a key can be stored as real incidents; practice records go through putIncidentRecord.',
    );
  }
  return JSON.stringify(incident);
}

/** Throws unless `hash` is the lowercase hex SHA-256 of `text`'s UTF-8 bytes. */
export function assertContentHash(hash: string, text: string): void {
  const actual = sha256Hex(text);
  if (hash !== actual) throw new Error(`Scenario text hash ${hash} does not match its content (sha256 ${actual}).`);
}

/** Throws unless the snapshot has a non-negative integer seq and the state as text. */
export function assertSnapshot(sessionId: string, snapshot: Snapshot): void {
  if (!Number.isSafeInteger(snapshot.seq) || snapshot.seq < 0 || typeof snapshot.state !== 'string') {
    throw new Error(`Snapshot for session ${sessionId} needs a non-negative integer seq and the state as JSON text.`);
  }
}
