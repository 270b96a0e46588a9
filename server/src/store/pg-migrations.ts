import type { ClientBase } from 'pg';

/**
 * The PostgreSQL schema as an ordered list of versioned migrations. `schema_migrations` records
 * each one applied, so a later release appends a migration here and every database upgrades on
 * start. Never edit a migration that has shipped: add the next one.
 */
export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'sessions, tokens, event log, snapshots, incidents',
    sql: `
    CREATE TABLE scenario_texts (
      hash TEXT PRIMARY KEY,
      text TEXT NOT NULL
    );

    CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      -- Insertion order, the tie-break among sessions created in the same millisecond.
      ord BIGINT GENERATED ALWAYS AS IDENTITY,
      scenario_id TEXT NOT NULL,
      scenario_hash TEXT NOT NULL REFERENCES scenario_texts(hash),
      seed TEXT NOT NULL,
      team TEXT,
      join_code TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      ended_at BIGINT
    );
    -- A join code opens one live session at a time; it is free again once its session ends.
    CREATE UNIQUE INDEX sessions_live_join_code ON sessions (join_code) WHERE ended_at IS NULL;
    CREATE INDEX sessions_created_at ON sessions (created_at DESC, ord DESC);

    CREATE TABLE tokens (
      token_hash TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions(id),
      kind TEXT NOT NULL CHECK (kind IN ('facilitator', 'player')),
      player_id TEXT,
      revoked BOOLEAN NOT NULL DEFAULT false,
      CHECK ((kind = 'player') = (player_id IS NOT NULL))
    );
    CREATE INDEX tokens_player ON tokens (session_id, player_id);

    -- The event log: the primary key is the sequencer, so two writers (two nodes) can never both take a seq.
    CREATE TABLE log (
      session_id TEXT NOT NULL REFERENCES sessions(id),
      seq BIGINT NOT NULL CHECK (seq >= 1),
      command_key TEXT NOT NULL,
      at BIGINT NOT NULL,
      actor TEXT NOT NULL,
      command TEXT NOT NULL,
      CONSTRAINT log_seq_taken PRIMARY KEY (session_id, seq),
      CONSTRAINT log_command_taken UNIQUE (session_id, command_key)
    );

    CREATE TABLE snapshots (
      session_id TEXT NOT NULL REFERENCES sessions(id),
      seq BIGINT NOT NULL,
      state TEXT NOT NULL,
      PRIMARY KEY (session_id, seq)
    );

    CREATE TABLE incidents (
      session_id TEXT PRIMARY KEY REFERENCES sessions(id),
      -- Listing by ord gives the order records were first stored; an update keeps it.
      ord BIGINT GENERATED ALWAYS AS IDENTITY,
      record TEXT NOT NULL,
      created_at BIGINT NOT NULL
    );
    `,
  },
  {
    version: 2,
    name: 'real incidents',
    sql: `
    -- Real incidents imported from a team's history, apart from practice records. The key is stable
    -- per incident, so importing the same export twice adds nothing; ord keeps the import order.
    CREATE TABLE real_incidents (
      key TEXT PRIMARY KEY,
      ord BIGINT GENERATED ALWAYS AS IDENTITY,
      record TEXT NOT NULL,
      imported_at BIGINT NOT NULL
    );
    `,
  },
  {
    version: 3,
    name: 'run annotations and read-only debrief links',
    sql: `
    -- A facilitator's note on a run, and whether the figures leave it out (with the reason kept).
    CREATE TABLE run_annotations (
      session_id TEXT PRIMARY KEY REFERENCES sessions(id),
      note TEXT,
      excluded BOOLEAN NOT NULL,
      reason TEXT,
      at BIGINT NOT NULL,
      CHECK (NOT excluded OR reason IS NOT NULL)
    );

    -- Read-only links to a finished session's debrief: only the token's hash is kept.
    CREATE TABLE read_only_links (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions(id),
      token_hash TEXT NOT NULL UNIQUE,
      created_at BIGINT NOT NULL,
      revoked_at BIGINT
    );
    CREATE INDEX read_only_links_session ON read_only_links (session_id, created_at);
    `,
  },
  {
    version: 4,
    name: 'co-facilitator tokens',
    sql: `
    -- Co-facilitators hold console tokens of their own.
    ALTER TABLE tokens DROP CONSTRAINT tokens_kind_check;
    ALTER TABLE tokens ADD CONSTRAINT tokens_kind_check CHECK (kind IN ('facilitator', 'co-facilitator', 'player'));
    `,
  },
  {
    version: 5,
    name: 'session leases, fenced appends, the Socket.IO adapter table',
    sql: `
    -- One node at a time applies a session's commands: the one holding its lease. A node renews
    -- its leases while alive; a lease past expires_at may be taken by another node, which bumps
    -- epoch (the fencing token). holder is '' once released, so a released lease is no orphan.
    CREATE TABLE session_leases (
      session_id TEXT PRIMARY KEY REFERENCES sessions(id),
      holder TEXT NOT NULL,
      -- Where other nodes forward this session's commands (CQ_NODE_URL), or null.
      address TEXT,
      epoch BIGINT NOT NULL CHECK (epoch >= 1),
      expires_at TIMESTAMPTZ NOT NULL
    );
    CREATE INDEX session_leases_expiry ON session_leases (expires_at) WHERE holder <> '';

    -- The lease epoch a row was appended under (null: a node without leases, such as migrate-store).
    ALTER TABLE log ADD COLUMN epoch BIGINT;

    -- The fence: rows appended under an epoch that is no longer the session's are refused, in the
    -- appending statement itself. FOR SHARE makes a concurrent take wait for this append (and this
    -- append wait for a concurrent take), so an append either lands before the take, which then
    -- replays it, or sees the new epoch and is refused.
    CREATE FUNCTION log_fenced() RETURNS trigger LANGUAGE plpgsql AS $fence$
    DECLARE
      stale TEXT;
    BEGIN
      PERFORM 1 FROM session_leases
        WHERE session_id IN (SELECT session_id FROM new_rows WHERE epoch IS NOT NULL) FOR SHARE;
      SELECT n.session_id INTO stale FROM new_rows n LEFT JOIN session_leases l USING (session_id)
        WHERE n.epoch IS NOT NULL AND l.epoch IS DISTINCT FROM n.epoch LIMIT 1;
      IF stale IS NOT NULL THEN
        RAISE EXCEPTION 'session % is leased under another epoch', stale
          USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'log_lease_lost';
      END IF;
      RETURN NULL;
    END
    $fence$;
    CREATE TRIGGER log_fenced AFTER INSERT ON log REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION log_fenced();

    -- @socket.io/postgres-adapter keeps messages over NOTIFY's 8000 bytes here (its documented table).
    CREATE TABLE socket_io_attachments (
      id BIGSERIAL UNIQUE,
      created_at TIMESTAMPTZ DEFAULT now(),
      payload BYTEA
    );
    `,
  },
  {
    version: 6,
    name: 'evaluator seats, corrective actions',
    sql: `
    -- Evaluators' seats: a token opens one evaluator's seat; an evaluator code is a row with no
    -- evaluator yet (it mints seats). Kept apart from tokens, whose kinds are fixed by a CHECK.
    CREATE TABLE evaluator_tokens (
      token_hash TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions(id),
      evaluator_id TEXT
    );

    -- Corrective actions tracked per team across game days; ord keeps the order first stored.
    CREATE TABLE corrective_actions (
      key TEXT PRIMARY KEY,
      ord BIGINT GENERATED ALWAYS AS IDENTITY,
      team TEXT NOT NULL,
      session_id TEXT NOT NULL REFERENCES sessions(id),
      record TEXT NOT NULL
    );
    CREATE INDEX corrective_actions_team ON corrective_actions (team, ord);
    `,
  },
  {
    version: 7,
    name: 'console codes',
    sql: `
    -- One-time console codes, by their hash: one per session and kind, swept once expired. In the
    -- database, so that a code shown by one node opens its seat on whichever node it is typed into.
    CREATE TABLE console_codes (
      session_id TEXT NOT NULL REFERENCES sessions(id),
      kind TEXT NOT NULL CHECK (kind IN ('facilitator', 'co-facilitator')),
      code_hash TEXT NOT NULL UNIQUE,
      expires_at BIGINT NOT NULL,
      PRIMARY KEY (session_id, kind)
    );
    `,
  },
];

/** The advisory lock's first key: every Chaos Quest migration holds (this, hash of the schema). */
const MIGRATION_LOCK = 0x43513031; // 'CQ01'

/**
 * Brings the schema that `client`'s search_path selects up to the last of `migrations`, all in one
 * transaction under a transaction-scoped advisory lock, so two nodes starting together migrate
 * once: the second waits, then finds nothing to do. Returns the versions applied (empty when the
 * schema was current). Rejects, changing nothing, when the search_path names no existing schema or
 * the database holds a version this release does not know (written by a newer release).
 */
export async function migratePg(
  client: ClientBase,
  migrations: readonly PgMigration[] = PG_MIGRATIONS,
): Promise<number[]> {
  await client.query('BEGIN');
  try {
    const applied = await migrateInTransaction(client, migrations);
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function migrateInTransaction(client: ClientBase, migrations: readonly PgMigration[]): Promise<number[]> {
  const schema =
    (await client.query<{ schema: string | null }>('SELECT current_schema() AS schema')).rows[0]?.schema ?? null;
  if (schema === null) {
    throw new Error(
      "The database URL selects no existing schema (check search_path in CQ_DATABASE_URL's options, or create the schema).",
    );
  }
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MIGRATION_LOCK, schema]);
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`);
  const done = new Set(
    (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
  );
  const known = new Set(migrations.map((m) => m.version));
  const unknown = [...done].filter((v) => !known.has(v)).sort((a, b) => a - b);
  if (unknown.length > 0) {
    throw new Error(
      `Schema ${schema} has migration version ${unknown.join(', ')}, which this release does not know ` +
        `(it knows up to ${migrations.at(-1)?.version ?? 0}). ` +
        'Upgrade Chaos Quest on every node, or point CQ_DATABASE_URL elsewhere.',
    );
  }
  const applied: number[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    await client.query(migration.sql);
    await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
      migration.version,
      migration.name,
    ]);
    applied.push(migration.version);
  }
  return applied;
}
