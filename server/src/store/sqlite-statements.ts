import type { Database } from 'better-sqlite3';
import { SNAPSHOTS_KEPT } from './store.ts';

/**
 * Every statement the SQLite store runs, prepared once per connection: preparing costs more than
 * running a small statement, and the append path runs thousands of times a second.
 */
export function prepareStatements(db: Database) {
  const sessionsWhere = (where: string) =>
    db.prepare<[number], unknown>(`SELECT * FROM sessions ${where} ORDER BY created_at DESC, rowid DESC LIMIT ?`);
  return {
    putText: db.prepare<[string, string]>(
      'INSERT INTO scenario_texts (hash, text) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING',
    ),
    getText: db.prepare<[string], string>('SELECT text FROM scenario_texts WHERE hash = ?').pluck(),

    insertSession: db.prepare(
      `INSERT INTO sessions (id, scenario_id, scenario_hash, seed, team, join_code, created_at, ended_at)
       VALUES (@id, @scenario_id, @scenario_hash, @seed, @team, @join_code, @created_at, @ended_at)`,
    ),
    sessionExists: db.prepare<[string], number>('SELECT 1 FROM sessions WHERE id = ?').pluck(),
    getSession: db.prepare<[string], unknown>('SELECT * FROM sessions WHERE id = ?'),
    liveByJoinCode: db.prepare<[string], unknown>('SELECT * FROM sessions WHERE join_code = ? AND ended_at IS NULL'),
    listAll: sessionsWhere(''),
    listLive: sessionsWhere('WHERE ended_at IS NULL'),
    listEnded: sessionsWhere('WHERE ended_at IS NOT NULL'),
    markEnded: db.prepare<[number, string]>('UPDATE sessions SET ended_at = COALESCE(ended_at, ?) WHERE id = ?'),

    insertToken: db.prepare<[string, string, 'facilitator' | 'co-facilitator' | 'player', string | null]>(
      'INSERT INTO tokens (token_hash, session_id, kind, player_id) VALUES (?, ?, ?, ?)',
    ),
    tokenExists: db.prepare<[string], number>('SELECT 1 FROM tokens WHERE token_hash = ?').pluck(),
    findSeat: db.prepare<[string], unknown>(
      'SELECT session_id, kind, player_id FROM tokens WHERE token_hash = ? AND revoked = 0',
    ),
    revokePlayer: db.prepare<[string, string]>('UPDATE tokens SET revoked = 1 WHERE session_id = ? AND player_id = ?'),
    revokeKind: db.prepare<[string, string]>('UPDATE tokens SET revoked = 1 WHERE session_id = ? AND kind = ?'),

    sweepConsoleCodes: db.prepare<[number]>('DELETE FROM console_codes WHERE expires_at <= ?'),
    consoleCodeTaken: db
      .prepare<[string, string, string], number>(
        'SELECT 1 FROM console_codes WHERE code_hash = ? AND NOT (session_id = ? AND kind = ?)',
      )
      .pluck(),
    putConsoleCode: db.prepare<[string, string, string, number]>(
      `INSERT INTO console_codes (session_id, kind, code_hash, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (session_id, kind) DO UPDATE SET code_hash = excluded.code_hash, expires_at = excluded.expires_at`,
    ),
    revokeConsoleCode: db.prepare<[string, string]>('DELETE FROM console_codes WHERE session_id = ? AND kind = ?'),
    redeemConsoleCode: db.prepare<[string], unknown>(
      'DELETE FROM console_codes WHERE code_hash = ? RETURNING session_id, kind, expires_at',
    ),

    insertLog: db.prepare<[string, number, string, number, string, string]>(
      'INSERT INTO log (session_id, seq, command_key, at, actor, command) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    readLog: db.prepare<[string, number], unknown>(
      'SELECT seq, command_key, at, actor, command FROM log WHERE session_id = ? AND seq > ? ORDER BY seq',
    ),
    seqTaken: db.prepare<[string, number], number>('SELECT 1 FROM log WHERE session_id = ? AND seq = ?').pluck(),
    findCommand: db
      .prepare<[string, string], number>('SELECT seq FROM log WHERE session_id = ? AND command_key = ?')
      .pluck(),

    putSnapshot: db.prepare<[string, number, string]>(
      'INSERT INTO snapshots (session_id, seq, state) VALUES (?, ?, ?) ON CONFLICT (session_id, seq) DO UPDATE SET state = excluded.state',
    ),
    // Deletes all but the newest SNAPSHOTS_KEPT; with fewer, the subquery is NULL and nothing goes.
    pruneSnapshots: db.prepare<[string, string]>(
      `DELETE FROM snapshots WHERE session_id = ? AND seq <
       (SELECT seq FROM snapshots WHERE session_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ${SNAPSHOTS_KEPT - 1})`,
    ),
    latestSnapshot: db.prepare<[string], unknown>(
      'SELECT seq, state FROM snapshots WHERE session_id = ? ORDER BY seq DESC LIMIT 1',
    ),

    putIncident: db.prepare<[string, string, number]>(
      'INSERT INTO incidents (session_id, record, created_at) VALUES (?, ?, ?) ON CONFLICT (session_id) DO UPDATE SET record = excluded.record',
    ),
    listIncidents: db.prepare<[], unknown>('SELECT session_id, record FROM incidents ORDER BY rowid'),
    addReal: db.prepare<[string, string, number]>(
      'INSERT INTO real_incidents (key, record, imported_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING',
    ),
    listReal: db.prepare<[], unknown>('SELECT key, record FROM real_incidents ORDER BY rowid'),

    putAnnotation: db.prepare<[string, string | null, number, string | null, number]>(
      `INSERT INTO run_annotations (session_id, note, excluded, reason, at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (session_id) DO UPDATE SET note = excluded.note, excluded = excluded.excluded,
       reason = excluded.reason, at = excluded.at`,
    ),
    listAnnotations: db.prepare<[], unknown>('SELECT session_id, note, excluded, reason, at FROM run_annotations'),
    addLink: db.prepare<[string, string, string, number]>(
      'INSERT INTO read_only_links (id, session_id, token_hash, created_at) VALUES (?, ?, ?, ?)',
    ),
    linkHashTaken: db.prepare<[string], number>('SELECT 1 FROM read_only_links WHERE token_hash = ?').pluck(),
    findLink: db.prepare<[string], unknown>(
      'SELECT id, session_id, created_at, revoked_at FROM read_only_links WHERE token_hash = ? AND revoked_at IS NULL',
    ),
    listLinks: db.prepare<[string], unknown>(
      'SELECT id, session_id, created_at, revoked_at FROM read_only_links WHERE session_id = ? ORDER BY created_at, rowid',
    ),
    revokeLink: db.prepare<[number, string, string]>(
      'UPDATE read_only_links SET revoked_at = COALESCE(revoked_at, ?) WHERE session_id = ? AND id = ?',
    ),
    insertEvaluatorToken: db.prepare<[string, string, string | null]>(
      'INSERT INTO evaluator_tokens (token_hash, session_id, evaluator_id) VALUES (?, ?, ?)',
    ),
    findEvaluatorSeat: db.prepare<[string], unknown>(
      'SELECT session_id, evaluator_id FROM evaluator_tokens WHERE token_hash = ?',
    ),
    putAction: db.prepare<[string, string, string, string]>(
      'INSERT INTO corrective_actions (key, team, session_id, record) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET record = excluded.record',
    ),
    listActions: db.prepare<[string], unknown>(
      'SELECT key, record FROM corrective_actions WHERE team = ? ORDER BY rowid',
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
