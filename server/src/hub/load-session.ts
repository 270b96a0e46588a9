import { replay } from '@chaos-quest/engine';
import { stateOfSnapshot } from './snapshots.ts';
import type { ScenarioCache } from '../scenarios/by-hash.ts';
import { newJoinCode } from '../auth/tokens.ts';
import { JoinCodeTakenError, type SessionRow, type Store } from '../store/store.ts';
import { LiveSession } from './live-session.ts';

/**
 * Rebuilds a session from the store: the scenario text it started with (by hash), its latest
 * snapshot, then a replay of the log after it. Returns null for an unknown session id. Throws when
 * the stored scenario text is missing or the log does not replay (the store is damaged or was
 * written by an incompatible engine): serving a session in a state its log does not support would
 * be worse than refusing it.
 */
export async function loadSession(
  store: Store,
  scenarios: ScenarioCache,
  sessionId: string,
): Promise<LiveSession | null> {
  const row = await store.getSession(sessionId);
  if (!row) return null;
  const text = await store.getScenarioText(row.scenarioHash);
  if (text === null)
    throw new Error(`Session ${sessionId}: scenario text ${row.scenarioHash} is missing from the store.`);
  const scenario = scenarios.resolve(row.scenarioHash, text, sessionId);
  const stored = await store.latestSnapshot(sessionId);
  const from = stored ? (stateOfSnapshot(stored) ?? undefined) : undefined;
  const snapshot = from ? stored : null;
  const tail = await store.readLog(sessionId, snapshot?.seq ?? 0);
  const options = { scenarioHash: row.scenarioHash, team: row.team, createdAt: row.createdAt };
  const result = replay(scenario, row.seed, tail, options, from);
  if (!result.ok) {
    throw new Error(
      `Session ${sessionId}: the log does not replay at seq ${result.seq} (${result.error.code}: ${result.error.message}).`,
    );
  }
  return new LiveSession(row, scenario, result.state, snapshot?.seq ?? 0);
}

/**
 * Stores a new session's row with a join code drawn for it. Join codes are unique among live
 * sessions; a clash (about one in 10^9 per pair) just draws again.
 */
export async function storeWithJoinCode(
  store: Store,
  row: Omit<SessionRow, 'joinCode'>,
  facilitatorTokenHash: string,
): Promise<SessionRow> {
  for (let attempt = 0; ; attempt++) {
    const withCode: SessionRow = { ...row, joinCode: newJoinCode() };
    try {
      await store.createSession(withCode, facilitatorTokenHash);
      return withCode;
    } catch (error) {
      if (!(error instanceof JoinCodeTakenError) || attempt >= 20) throw error;
    }
  }
}
