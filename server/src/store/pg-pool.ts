import pg from 'pg';
import { explainPgFailure, isPgFailure, violatedConstraint } from './pg-errors.ts';
import type { StoreHealth } from './store.ts';

export const DEFAULT_POOL_SIZE = 10;

export interface PgPoolOptions {
  /** Connections in the pool (default 10): appends from different sessions run in parallel, one per connection. */
  poolSize?: number;
  /**
   * `on` (the default): a write resolves only once its commit is flushed to PostgreSQL's WAL on
   * disk, whatever the server or role default says. `off` exists only so the benchmark can
   * measure the ceiling.
   */
  synchronousCommit?: 'on' | 'off';
  /** How long to wait for a connection before a call fails (default 5 s). */
  connectionTimeoutMs?: number;
}

/** BIGINT columns come back as JS numbers: every one we store (seq, ms timestamps) is a safe integer. */
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid !== pg.types.builtins.INT8) return pg.types.getTypeParser(oid, format as 'text');
    return (text: string) => {
      const value = Number(text);
      if (!Number.isSafeInteger(value))
        throw new Error(`A BIGINT column holds ${text}, beyond what Chaos Quest stores.`);
      return value;
    };
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * The PostgreSQL store's connections: a node-postgres pool that knows whether PostgreSQL is taking
 * writes (for `/api/health`), turns "PostgreSQL is not there" into a message that says what to
 * check, and lets `close` wait for every query already sent.
 */
export class PgPool {
  /** Where it points, without credentials, for messages. */
  readonly where: string;
  readonly #pool: pg.Pool;
  readonly #pending = new Set<Promise<unknown>>();
  #closed = false;
  #failure: string | null = null;

  private constructor(pool: pg.Pool, where: string) {
    this.#pool = pool;
    this.where = where;
    // An idle connection that PostgreSQL drops emits here; unhandled, it would end the process.
    pool.on('error', (error) => {
      this.#failure = `lost a connection to PostgreSQL at ${where}: ${error.message}`;
    });
  }

  /** A pool for `url`; it connects on first use. */
  static create(url: string, options: PgPoolOptions = {}): PgPool {
    const setting = options.synchronousCommit === 'off' ? 'off' : 'on';
    const pool = new pg.Pool({
      connectionString: url,
      max: Math.max(1, options.poolSize ?? DEFAULT_POOL_SIZE),
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
      // A server that vanishes without closing the connection (a cut network) is noticed by TCP.
      keepAlive: true,
      types: TYPES,
      // A database or role default of `off` would ack commands that a crash of PostgreSQL can still lose.
      onConnect: async (client) => void (await client.query(`SET synchronous_commit = ${setting}`)),
    });
    return new PgPool(pool, describeUrl(url));
  }

  /** 'failing' once closed, or while the last write failed because PostgreSQL could not take it. */
  health(): StoreHealth {
    if (this.#closed) return { state: 'failing', reason: 'the store is closed' };
    return this.#failure === null ? { state: 'ok' } : { state: 'failing', reason: this.#failure };
  }

  /**
   * Runs one write statement (committed on return: autocommit). A violated constraint rejects with
   * what `refuse` makes of it (or the driver's error); a failing PostgreSQL marks the pool failing.
   */
  async write(
    query: string | pg.QueryConfig,
    values?: unknown[],
    refuse?: (constraint: string) => Error | null,
  ): Promise<pg.QueryResult> {
    this.assertOpen();
    try {
      const result = await this.#track(this.#pool.query(query, values));
      this.#failure = null;
      return result;
    } catch (error) {
      const constraint = violatedConstraint(error);
      const refusal = constraint === null ? null : refuse?.(constraint);
      if (refusal) throw refusal;
      throw this.#noteFailure(error);
    }
  }

  async read<R extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<R[]> {
    this.assertOpen();
    try {
      return (await this.#track(this.#pool.query<R>(sql, values))).rows;
    } catch (error) {
      throw isPgFailure(error) ? explainPgFailure(error, this.where) : error;
    }
  }

  /** Runs `body` in a transaction on one connection: committed before it resolves, rolled back if it throws. */
  async transaction(body: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    this.assertOpen();
    const run = () =>
      this.withClient(async (client) => {
        await client.query('BEGIN');
        try {
          await body(client);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      });
    try {
      await this.#track(run());
      this.#failure = null;
    } catch (error) {
      throw this.#noteFailure(error);
    }
  }

  /** Lends `body` one connection; one that failed mid-use is discarded rather than reused. */
  async withClient<T>(body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    // pg-pool hears a connection's 'error' only while it is idle: one cut while lent out would
    // otherwise be unheard and end the process. The body's next query rejects with it anyway.
    const onError = (error: Error) => {
      broken = error;
      this.#failure = `lost a connection to PostgreSQL at ${this.where}: ${error.message}`;
    };
    client.on('error', onError);
    try {
      return await body(client);
    } catch (error) {
      if (isPgFailure(error)) broken = error;
      throw error;
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  }

  /** Waits for every query already sent, then closes the connections; later calls reject. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.allSettled([...this.#pending]);
    await this.#pool.end();
  }

  assertOpen(): void {
    if (this.#closed) throw new Error(`The store on PostgreSQL at ${this.where} is closed.`);
  }

  #noteFailure(error: unknown): unknown {
    if (!isPgFailure(error)) return error;
    this.#failure = `the last write to PostgreSQL at ${this.where} failed: ${error.message}`;
    return explainPgFailure(error, this.where);
  }

  /** Keeps `promise` in the set close() waits for. */
  #track<T>(promise: Promise<T>): Promise<T> {
    this.#pending.add(promise);
    const forget = () => this.#pending.delete(promise);
    promise.then(forget, forget);
    return promise;
  }
}

/** `host:port/database` of a postgres:// URL, never its password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the configured URL';
  }
}
