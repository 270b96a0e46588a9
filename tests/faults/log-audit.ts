import {
  asPlayerId,
  parseScenario,
  replay,
  stateHash,
  viewFor,
  type Scenario,
  type SessionState,
  type View,
  type Viewer,
} from '@chaos-quest/engine';
import { loadSession } from '../../server/src/hub/load-session.ts';
import { ScenarioCache } from '../../server/src/scenarios/by-hash.ts';
import { SqliteStore } from '../../server/src/store/sqlite-store.ts';
import type { Store } from '../../server/src/store/store.ts';
import type { FaultTable } from './fault-table.ts';

/** What the store holds for one session, checked against what its table was told. */
export interface SessionAudit {
  sessionId: string;
  scenario: Scenario;
  /** The state a fresh engine replay of the whole log gives. */
  state: SessionState;
  /** Acknowledged commands missing from the log, or at another seq or from another sender. */
  lost: string[];
  /** The log's seqs are 1..n with no gap. */
  contiguous: boolean;
  /** The state hash of a fresh replay of the whole log. */
  replayHash: string;
  /** The state hash the server's own recovery path (latest snapshot plus the log after it) gives. */
  recoveredHash: string;
  snapshotSeq: number;
}

/**
 * Opens the server's SQLite file directly (the server must be dead, or at least not the only
 * reader) and audits every table's session: each acknowledged command is in the log where its
 * ack said, and the scenario text the session stored, replayed from scratch, gives the same state
 * as the server's snapshot-plus-tail recovery. Throws if a session's log does not replay at all.
 */
export async function auditStore(file: string, tables: readonly FaultTable[]): Promise<SessionAudit[]> {
  const store = new SqliteStore(file);
  try {
    return await auditSessions(store, tables);
  } finally {
    await store.close();
  }
}

/** The same audit on any open store (PostgreSQL shared by several nodes, say). */
export async function auditSessions(store: Store, tables: readonly FaultTable[]): Promise<SessionAudit[]> {
  const audits: SessionAudit[] = [];
  for (const table of tables) audits.push(await auditSession(store, table));
  return audits;
}

async function auditSession(store: Store, table: FaultTable): Promise<SessionAudit> {
  const row = await store.getSession(table.sessionId);
  if (!row) throw new Error(`session ${table.sessionId} is not in the store`);
  const text = await store.getScenarioText(row.scenarioHash);
  if (text === null) throw new Error(`session ${table.sessionId}: its scenario text is missing`);
  const { scenario, diagnostics } = parseScenario(text, 'stored.yaml');
  if (!scenario)
    throw new Error(`session ${table.sessionId}: stored scenario does not parse: ${diagnostics[0]?.message}`);
  const log = await store.readLog(table.sessionId);
  const replayed = replay(scenario, row.seed, log, {
    scenarioHash: row.scenarioHash,
    team: row.team,
    createdAt: row.createdAt,
  });
  if (!replayed.ok)
    throw new Error(
      `session ${table.sessionId}: the log does not replay at seq ${replayed.seq}: ${replayed.error.message}`,
    );
  const lost = table.acked
    .filter((a) => {
      const entry = log[a.seq - 1];
      const sender = entry?.actor.kind === 'player' ? entry.actor.playerId : entry?.actor.kind;
      return entry?.seq !== a.seq || entry.command.id !== a.commandId || sender !== a.sender;
    })
    .map((a) => `${a.sender} ${a.commandId} acked at seq ${a.seq}`);
  const recovered = await loadSession(store, new ScenarioCache(), table.sessionId);
  if (!recovered) throw new Error(`session ${table.sessionId} would not load`);
  return {
    sessionId: table.sessionId,
    scenario,
    state: replayed.state,
    lost,
    contiguous: log.every((e, i) => e.seq === i + 1),
    replayHash: stateHash(replayed.state),
    recoveredHash: stateHash(recovered.state),
    snapshotSeq: recovered.snapshotSeq,
  };
}

/** The views every client of the table should converge to, from the audited state: facilitator first, then players. */
export function expectedViews(audit: SessionAudit, table: FaultTable): View[] {
  const viewers: Viewer[] = [
    { kind: 'facilitator' },
    ...table.playerIds.map((playerId) => ({ kind: 'player', playerId: asPlayerId(playerId) }) as const),
  ];
  // Through JSON, as the wire carries them (undefined fields vanish).
  return viewers.map((viewer) => JSON.parse(JSON.stringify(viewFor(audit.scenario, audit.state, viewer))) as View);
}
