import type { Database } from 'better-sqlite3';

/**
 * The SQLite schema as an ordered list of migrations. `PRAGMA user_version` records how many have
 * run, so a later release appends a migration here and every existing file upgrades on open.
 * Never edit a migration that has shipped: add the next one.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE scenario_texts (
    hash TEXT PRIMARY KEY,
    text TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    scenario_id TEXT NOT NULL,
    scenario_hash TEXT NOT NULL REFERENCES scenario_texts(hash),
    seed TEXT NOT NULL,
    team TEXT,
    join_code TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    ended_at INTEGER
  );
  -- A join code opens one live session at a time; it is free again once its session ends.
  CREATE UNIQUE INDEX sessions_live_join_code ON sessions(join_code) WHERE ended_at IS NULL;
  CREATE INDEX sessions_created_at ON sessions(created_at);

  CREATE TABLE tokens (
    token_hash TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    kind TEXT NOT NULL CHECK (kind IN ('facilitator', 'player')),
    player_id TEXT,
    revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
    CHECK ((kind = 'player') = (player_id IS NOT NULL))
  ) WITHOUT ROWID;
  CREATE INDEX tokens_player ON tokens(session_id, player_id);

  -- The event log: the primary key is the sequencer, so two writers can never both take a seq.
  CREATE TABLE log (
    session_id TEXT NOT NULL REFERENCES sessions(id),
    seq INTEGER NOT NULL CHECK (seq >= 1),
    command_key TEXT NOT NULL,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    command TEXT NOT NULL,
    PRIMARY KEY (session_id, seq),
    UNIQUE (session_id, command_key)
  ) WITHOUT ROWID;

  CREATE TABLE snapshots (
    session_id TEXT NOT NULL REFERENCES sessions(id),
    seq INTEGER NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
  ) WITHOUT ROWID;

  -- A rowid table: listing by rowid gives the order records were first stored.
  CREATE TABLE incidents (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id),
    record TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  `,
  `
  -- Real incidents imported from a team's history, apart from practice records. The key is stable
  -- per incident, so importing the same export twice adds nothing. Rowid order is import order.
  CREATE TABLE real_incidents (
    key TEXT NOT NULL UNIQUE,
    record TEXT NOT NULL,
    imported_at INTEGER NOT NULL
  );
  `,
  `
  -- A facilitator's note on a run, and whether the figures leave it out (with the reason kept).
  CREATE TABLE run_annotations (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id),
    note TEXT,
    excluded INTEGER NOT NULL CHECK (excluded IN (0, 1)),
    reason TEXT,
    at INTEGER NOT NULL,
    CHECK (excluded = 0 OR reason IS NOT NULL)
  ) WITHOUT ROWID;

  -- Read-only links to a finished session's debrief: only the token's hash is kept.
  CREATE TABLE read_only_links (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  );
  CREATE INDEX read_only_links_session ON read_only_links(session_id, created_at);
  `,
  `
  -- Co-facilitators hold console tokens of their own. SQLite cannot change a CHECK in place, so the
  -- table is rebuilt with every row as it was.
  CREATE TABLE tokens_next (
    token_hash TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    kind TEXT NOT NULL CHECK (kind IN ('facilitator', 'co-facilitator', 'player')),
    player_id TEXT,
    revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
    CHECK ((kind = 'player') = (player_id IS NOT NULL))
  ) WITHOUT ROWID;
  INSERT INTO tokens_next (token_hash, session_id, kind, player_id, revoked)
    SELECT token_hash, session_id, kind, player_id, revoked FROM tokens;
  DROP TABLE tokens;
  ALTER TABLE tokens_next RENAME TO tokens;
  CREATE INDEX tokens_player ON tokens(session_id, player_id);
  `,
  `
  -- Evaluators' seats: a token opens one evaluator's seat; an evaluator code is a row with no
  -- evaluator yet (it mints seats). Kept apart from tokens, whose kinds are fixed by a CHECK.
  CREATE TABLE evaluator_tokens (
    token_hash TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    evaluator_id TEXT
  ) WITHOUT ROWID;

  -- Corrective actions tracked per team across game days; rowid order is the order first stored.
  CREATE TABLE corrective_actions (
    key TEXT NOT NULL UNIQUE,
    team TEXT NOT NULL,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    record TEXT NOT NULL
  );
  CREATE INDEX corrective_actions_team ON corrective_actions(team);
  `,
  `
  -- One-time console codes, by their hash: one per session and kind, swept once expired. Kept in the
  -- store so that a code survives a restart (and, on PostgreSQL, works on any node).
  CREATE TABLE console_codes (
    session_id TEXT NOT NULL REFERENCES sessions(id),
    kind TEXT NOT NULL CHECK (kind IN ('facilitator', 'co-facilitator')),
    code_hash TEXT NOT NULL UNIQUE,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (session_id, kind)
  ) WITHOUT ROWID;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the file's schema up to SCHEMA_VERSION, each migration in its own transaction.
 * Throws when the file was written by a newer release (its user_version is ahead of ours), since
 * writing to a schema we do not know could corrupt it.
 */
export function migrate(db: Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `${file} has schema version ${current}, but this release knows only up to ${SCHEMA_VERSION}. Upgrade Chaos Quest or point CQ_DATA_DIR elsewhere.`,
    );
  }
  for (let version = current; version < SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] as string);
      // PRAGMA takes no bound parameters; `version` is our own integer.
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}
