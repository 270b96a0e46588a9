import { asPlayerId, sha256, type IncidentRecord } from '@chaos-quest/engine';
import type { LogEntry, SessionRow, Store } from './store.ts';

/** Small, valid rows for store tests. Not a scenario: stores never interpret the text. */

export const SCENARIO_TEXT = 'format: chaos-quest/1\nid: contract-test\ntitle: Contract test\n';
export const SCENARIO_HASH = sha256(SCENARIO_TEXT);

export function sessionRow(id: string, overrides: Partial<SessionRow> = {}): SessionRow {
  return {
    id,
    scenarioId: 'contract-test',
    scenarioHash: SCENARIO_HASH,
    seed: `seed-${id}`,
    team: null,
    joinCode: `J${id.toUpperCase()}`,
    createdAt: 1_700_000_000_000,
    endedAt: null,
    ...overrides,
  };
}

/** Stores the scenario text and a session with facilitator token `fac-${id}`; returns the row. */
export async function seedSession(store: Store, id: string, overrides: Partial<SessionRow> = {}): Promise<SessionRow> {
  const row = sessionRow(id, overrides);
  await store.putScenarioText(SCENARIO_HASH, SCENARIO_TEXT);
  await store.createSession(row, `fac-${id}`);
  return row;
}

/** A valid log entry at `seq`; `key` defaults to one unique per seq. */
export function entry(seq: number, key = `player:p1:c${seq}`): LogEntry {
  return {
    seq,
    at: 1_700_000_000_000 + seq * 1000,
    actor: { kind: 'player', playerId: asPlayerId('p1') },
    command: { id: `c${seq}`, type: 'timeline.post', text: `Post number ${seq}` },
    commandKey: key,
  };
}

/** Entries `from`..`to` inclusive. */
export function entries(from: number, to: number): LogEntry[] {
  return Array.from({ length: to - from + 1 }, (_, i) => entry(from + i));
}

export function incident(sessionId: string, overrides: Partial<IncidentRecord> = {}): IncidentRecord {
  return {
    practice: true,
    sessionId,
    scenario: { id: 'contract-test', title: 'Contract test', hash: SCENARIO_HASH },
    services: ['checkout'],
    team: 'blue',
    seed: `seed-${sessionId}`,
    roles: ['Incident Commander'],
    milestones: { started: { game: 5, wall: 1_700_000_000_000, source: 'scenario' } },
    detectionSource: null,
    outcome: 'success',
    ending: 'recovered',
    decisions: [],
    rolls: [],
    falseAlarms: [],
    actionItems: [{ text: 'Review TTL changes', owner: null }],
    startedAt: 1_700_000_000_000,
    endedAt: 1_700_000_600_000,
    ...overrides,
  };
}
