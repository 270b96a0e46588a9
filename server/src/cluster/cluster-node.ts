import { randomBytes } from 'node:crypto';
import { loggedCommandSchema, type Actor, type Command, type CommandAck } from '@chaos-quest/engine';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import type { EventLog } from '../hub/hub-context.ts';
import type { SessionHub } from '../hub/hub.ts';
import { unplaced, type Placement } from '../hub/placement.ts';
import type { GameServer } from '../socket/socket-types.ts';
import type { PgStore } from '../store/pg-store.ts';
import type { LogEntry } from '../store/store.ts';
import { forwardCommand } from './forwarding.ts';
import { PgSessionLeases, type SessionLeases } from './session-leases.ts';

export interface ClusterOptions {
  databaseUrl: string;
  store: PgStore;
  io: GameServer;
  log: EventLog;
  /** CQ_CLUSTER_SECRET: null means this node neither forwards commands nor takes forwarded ones. */
  secret: string | null;
  /** Where other nodes reach this node (CQ_NODE_URL, else its loopback address once it listens). */
  address: () => string | null;
  /** How long a lease lasts unless renewed (default 5 s): a dead node's sessions move after about this long. */
  leaseMs?: number;
}

/** How many orphaned sessions one sweep takes over at most; the next sweep takes more. */
const ADOPT_PER_SWEEP = 50;

/**
 * One node of several sharing a PostgreSQL store (DESIGN "Scaling out"). Sessions are placed by
 * lease (session-leases.ts): the holder applies a session's commands; any other node with sockets
 * on the session keeps a copy that follows the holder's log, so each node projects views for its
 * own sockets only, by each socket's seat. Entries reach the copies through the Socket.IO
 * PostgreSQL adapter (LISTEN/NOTIFY); commands reach the holder over HTTP (forwarding.ts). The node
 * renews its leases, and takes over sessions whose holder stopped renewing.
 */
export class ClusterNode implements Placement {
  readonly leases: SessionLeases;
  readonly #options: ClusterOptions;
  readonly #adapterPool: pg.Pool;
  readonly #leaseMs: number;
  readonly #timers: NodeJS.Timeout[] = [];
  #hub: SessionHub | null = null;
  #renewing = false;
  #sweeping = false;

  private constructor(options: ClusterOptions, adapterPool: pg.Pool) {
    this.#options = options;
    this.#adapterPool = adapterPool;
    this.#leaseMs = options.leaseMs ?? 5000;
    const holder = randomBytes(9).toString('base64url');
    this.leases = new PgSessionLeases(options.store.pool, {
      holder,
      address: options.secret === null ? () => null : options.address,
      ttlMs: this.#leaseMs,
    });
  }

  /**
   * Puts the Socket.IO PostgreSQL adapter on `io`, on its own small pool: LISTEN holds a connection
   * for good. Its channel is named after the schema, so clusters sharing a database never hear
   * each other. Rejects when PostgreSQL cannot be reached.
   */
  static async join(options: ClusterOptions): Promise<ClusterNode> {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 4, connectionTimeoutMillis: 5000 });
    // A connection PostgreSQL drops (it restarted, the network broke) must not end the process:
    // the adapter reconnects its listener, and the pool replaces the rest.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    try {
      const { rows } = await pool.query<{ schema: string }>('SELECT current_schema() AS schema');
      options.io.adapter(
        createAdapter(pool, {
          channelPrefix: `cq_${rows[0]?.schema ?? 'public'}`,
          errorHandler: (error) => options.log.warn({ err: error }, 'Socket.IO adapter: PostgreSQL error'),
        }),
      );
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new ClusterNode(options, pool);
  }

  /** Starts following other nodes' logs, renewing leases and adopting orphaned sessions. */
  start(hub: SessionHub): void {
    this.#hub = hub;
    this.#options.io.on('cq:log', (sessionId, entries) => {
      const parsed = parseEntries(entries);
      if (typeof sessionId === 'string' && parsed) hub.follow(sessionId, parsed);
    });
    const every = (ms: number, task: () => Promise<void>) => {
      const timer = setInterval(() => void task(), ms);
      timer.unref();
      this.#timers.push(timer);
    };
    every(Math.floor(this.#leaseMs / 3), () => this.#renew());
    // Jittered a little so that nodes started together do not all sweep at once.
    every(Math.floor(this.#leaseMs / 5 + Math.random() * 200), () => this.#sweep());
  }

  forward(address: string, sessionId: string, actor: Actor, command: Command): Promise<CommandAck> {
    const { secret } = this.#options;
    if (secret === null) return Promise.resolve(unplaced(sessionId, 'another node holds it'));
    return forwardCommand(address, secret, { sessionId, actor, command });
  }

  publish(sessionId: string, entries: readonly LogEntry[]): void {
    this.#options.io.serverSideEmit('cq:log', sessionId, entries);
  }

  /**
   * Stops the timers and closes the adapter's connections (the io server closes the adapter itself).
   * Waits a second at most: with PostgreSQL away, the adapter's listener may be caught mid-reconnect
   * and never handed back, and a pool waits for it forever; what it carries is not durable anyway.
   */
  async close(): Promise<void> {
    for (const timer of this.#timers) clearInterval(timer);
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, 1000)));
    await Promise.race([this.#adapterPool.end(), waited]);
    clearTimeout(timer);
  }

  async #renew(): Promise<void> {
    const hub = this.#hub;
    if (!hub || this.#renewing) return;
    this.#renewing = true;
    try {
      const held = hub.held().map((h) => h.id);
      const kept = await this.leases.renew(held);
      hub.lost(held.filter((id) => !kept.has(id)));
      await this.#catchUpCopies(hub);
    } catch (error) {
      // PostgreSQL is away: the leases run on until expiry, and appends are fenced meanwhile.
      this.#options.log.warn({ err: error }, 'Could not renew session leases');
    } finally {
      this.#renewing = false;
    }
  }

  /**
   * The adapter delivers at most once: entries published while PostgreSQL or the listener was away
   * never arrive. A copy behind the log reads what it missed, so its sockets converge within a renewal.
   */
  async #catchUpCopies(hub: SessionHub): Promise<void> {
    const copies = hub.following();
    if (copies.length === 0) return;
    const last = await this.#options.store.lastSeqs(copies.map((c) => c.id));
    for (const { id, seq } of copies) if ((last.get(id) ?? 0) > seq) hub.follow(id, []);
  }

  async #sweep(): Promise<void> {
    const hub = this.#hub;
    if (!hub || this.#sweeping) return;
    this.#sweeping = true;
    try {
      // At once: each waits mostly on PostgreSQL, and a dead node's sessions should all move together.
      await Promise.all((await this.leases.orphans(ADOPT_PER_SWEEP)).map((id) => hub.adopt(id)));
    } catch (error) {
      this.#options.log.warn({ err: error }, 'Could not take over orphaned sessions');
    } finally {
      this.#sweeping = false;
    }
  }
}

/** Entries from another node, checked as the store checks them; null when any is malformed. */
function parseEntries(value: unknown): LogEntry[] | null {
  if (!Array.isArray(value)) return null;
  const entries: LogEntry[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    const { commandKey, ...logged } = item as { commandKey?: unknown };
    const parsed = loggedCommandSchema.safeParse(logged);
    if (!parsed.success || typeof commandKey !== 'string') return null;
    entries.push({ ...parsed.data, commandKey });
  }
  return entries;
}
