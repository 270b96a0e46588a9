import type { PgPool } from '../store/pg-pool.ts';

/**
 * Which node applies a session's commands, kept in PostgreSQL's `session_leases` (see pg-migrations
 * version 4). A lease is taken for `ttlMs` and renewed by its holder while it lives; once expired,
 * any node may take it, which bumps the session's epoch. Appends carry the epoch they were made
 * under and the log refuses a stale one (Store.append's `epoch`), so a node that still believes it
 * holds a session after losing it cannot write to it. Times are PostgreSQL's `now()`: one clock for
 * every node, so their clocks may drift apart without two of them holding a session at once.
 *
 * This is the whole lease mechanism; anything that must place work by session (several nodes, or
 * several workers of one node) uses this interface.
 */
export interface SessionLeases {
  /** This holder's id: unique per process, never reused. */
  readonly holder: string;
  /**
   * Takes the session's lease for this holder when it is free, expired or already this holder's.
   * Resolves to the epoch to append under, or to the live holder's forwarding address (null when
   * it takes no forwarded commands). Rejects when PostgreSQL cannot be reached.
   */
  take(sessionId: string): Promise<{ epoch: number } | { heldBy: string; address: string | null }>;
  /** Extends the leases this holder still has among `sessionIds`; resolves to those (a lost one is missing). */
  renew(sessionIds: readonly string[]): Promise<Set<string>>;
  /** Gives the lease up at once (the session went idle, or the node is closing), if still held under `epoch`. */
  release(sessionId: string, epoch: number): Promise<void>;
  /** Sessions whose holder stopped renewing (a node died) and nobody has taken yet, oldest expiry first. */
  orphans(limit: number): Promise<string[]>;
}

export interface LeaseOptions {
  /** This node's id in lease rows. */
  holder: string;
  /** Where other nodes reach this node's forwarding endpoint, or null (asked at each take: known once it listens). */
  address: () => string | null;
  /** How long a lease lasts unless renewed. */
  ttlMs: number;
}

const TAKE = `INSERT INTO session_leases AS l (session_id, holder, address, epoch, expires_at)
  VALUES ($1, $2, $3, 1, now() + $4 * interval '1 millisecond')
  ON CONFLICT (session_id) DO UPDATE SET
    holder = excluded.holder, address = excluded.address, expires_at = excluded.expires_at,
    epoch = CASE WHEN l.holder = excluded.holder THEN l.epoch ELSE l.epoch + 1 END
  WHERE l.holder = excluded.holder OR l.expires_at < now()
  RETURNING epoch`;

/** The lease table on the PostgreSQL store's connections. */
export class PgSessionLeases implements SessionLeases {
  readonly holder: string;
  readonly #db: PgPool;
  readonly #address: () => string | null;
  readonly #ttlMs: number;

  constructor(db: PgPool, options: LeaseOptions) {
    this.#db = db;
    this.holder = options.holder;
    this.#address = options.address;
    this.#ttlMs = options.ttlMs;
  }

  async take(sessionId: string): Promise<{ epoch: number } | { heldBy: string; address: string | null }> {
    const taken = await this.#db.write(TAKE, [sessionId, this.holder, this.#address(), this.#ttlMs]);
    const row = taken.rows[0] as { epoch: number } | undefined;
    if (row) return { epoch: Number(row.epoch) };
    const sql = 'SELECT holder, address FROM session_leases WHERE session_id = $1';
    const [held] = await this.#db.read<{ holder: string; address: string | null }>(sql, [sessionId]);
    // Released or expired between the two statements: the next attempt takes it.
    return held ? { heldBy: held.holder, address: held.address } : { heldBy: '', address: null };
  }

  async renew(sessionIds: readonly string[]): Promise<Set<string>> {
    if (sessionIds.length === 0) return new Set();
    const sql = `UPDATE session_leases SET expires_at = now() + $3 * interval '1 millisecond'
      WHERE holder = $1 AND session_id = ANY($2::text[]) RETURNING session_id`;
    const result = await this.#db.write(sql, [this.holder, sessionIds, this.#ttlMs]);
    return new Set((result.rows as { session_id: string }[]).map((r) => r.session_id));
  }

  async release(sessionId: string, epoch: number): Promise<void> {
    const sql = `UPDATE session_leases SET holder = '', address = NULL, expires_at = now()
      WHERE session_id = $1 AND holder = $2 AND epoch = $3`;
    await this.#db.write(sql, [sessionId, this.holder, epoch]);
  }

  async orphans(limit: number): Promise<string[]> {
    const sql = `SELECT session_id FROM session_leases WHERE holder <> '' AND expires_at < now()
      ORDER BY expires_at LIMIT $1`;
    return (await this.#db.read<{ session_id: string }>(sql, [limit])).map((r) => r.session_id);
  }
}
