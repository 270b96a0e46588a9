import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import fastifyCors from '@fastify/cors';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { AddressLimiter } from './auth/address-limiter.ts';
import { clientAddressOf, trustFunction } from './auth/client-address.ts';
import { FailureThrottle } from './auth/failure-throttle.ts';
import { originAllowed, ownOrigins } from './auth/origin.ts';
import { loadConfig, type ServerConfig } from './config.ts';
import { registerClientApp } from './http/client-app.ts';
import { registerConsoleSeats } from './http/console-seats.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { registerExports } from './http/exports.ts';
import { registerEvaluators } from './http/evaluators.ts';
import { registerExerciseRecords } from './http/exercise-records.ts';
import { registerEvidence } from './http/evidence.ts';
import { originGuard } from './http/guards.ts';
import { registerHealth } from './http/health.ts';
import { registerJoin } from './http/join.ts';
import { ADMIN_KEY_FAILURES, CREATE_LIMIT, HTTP_TIMEOUTS, JOIN_FAILURES } from './http/limits.ts';
import { registerMetrics } from './http/metrics.ts';
import { registerPrometheus } from './http/prometheus.ts';
import { registerReadOnlyDebrief } from './http/read-only-debrief.ts';
import { registerRuns } from './http/runs.ts';
import { registerScenarios } from './http/scenarios.ts';
import { registerServerInfo } from './http/server-info.ts';
import { registerSessions } from './http/sessions.ts';
import { registerStudio } from './http/studio.ts';
import type { ApiDeps } from './http/api-deps.ts';
import { ClusterNode } from './cluster/cluster-node.ts';
import { registerForwarding } from './cluster/forwarding.ts';
import { SessionHub } from './hub/hub.ts';
import { createServerMetrics } from './metrics/server-metrics.ts';
import { ScenarioCache } from './scenarios/by-hash.ts';
import { ScenarioLibrary } from './scenarios/library.ts';
import { attachSockets, createSocketServer, roomSenderOf } from './socket/attach.ts';
import { DEFAULT_SOCKET_LIMITS, type SocketLimits } from './socket/flow-guard.ts';
import type { GameServer } from './socket/socket-types.ts';
import { PgStore } from './store/pg-store.ts';
import { SqliteStore } from './store/sqlite-store.ts';
import type { Store } from './store/store.ts';

export interface CreateServerOptions extends Partial<ServerConfig> {
  /**
   * Defaults to a PgStore when CQ_DATABASE_URL is set, else a SqliteStore at `<dataDir>/chaos-quest.sqlite`;
   * a given store is closed with the server.
   */
  store?: Store;
  /** Fastify's logger option: true for pino at info, false for silence, or `{ level, stream? }`. */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  /** Snapshot a session every this many commands (default 200). */
  snapshotEvery?: number;
  /** Unload an idle session from memory after this long (default 10 minutes). */
  idleMs?: number;
  socketLimits?: Partial<SocketLimits>;
  /**
   * Wrong join codes and big-screen observe attempts per address: a burst and a refill per second (default
   * JOIN_FAILURES: 10, then one every 6 s). A join with a right code spends nothing.
   */
  joinLimit?: { capacity: number; perSecond: number };
  /** Session creations per address: a burst and a refill per second (default CREATE_LIMIT: 20, then one every 30 s). */
  createLimit?: { capacity: number; perSecond: number };
  /** Reload scenarios when their files change (default true). */
  watchScenarios?: boolean;
  /** Where unset options are read from (default process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface ChaosServer {
  fastify: FastifyInstance;
  io: GameServer;
  hub: SessionHub;
  store: Store;
  library: ScenarioLibrary;
  config: ServerConfig;
  /** The port actually bound (useful with port 0). */
  port: number;
  /** `http://host:port` for clients on this machine. */
  url: string;
  /** Closes sockets, HTTP, paced clocks and the store, in that order. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Builds and starts the whole server: HTTP API, Socket.IO, the built client when present, on the
 * configured port (0 picks a free one). Rejects when the store cannot be opened or the port is taken.
 */
export async function createServer(options: CreateServerOptions = {}): Promise<ChaosServer> {
  const {
    store: given,
    logger,
    snapshotEvery,
    idleMs,
    socketLimits,
    joinLimit,
    createLimit,
    watchScenarios,
    env,
    ...overrides
  } = options;
  const config = loadConfig(env ?? process.env, overrides);
  const store =
    given ??
    (config.databaseUrl
      ? await PgStore.open(config.databaseUrl)
      : new SqliteStore(join(config.dataDir, 'chaos-quest.sqlite')));
  // One trust rule for Fastify's request.ip and the sockets' handshake address, so both see the same client.
  const trust = trustFunction(config.trustProxy);
  const fastify = Fastify({
    logger: logger ?? true,
    // One line per session event, not two per request: a game day's log should read as its story.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    trustProxy: trust,
    connectionTimeout: HTTP_TIMEOUTS.idleMs,
    keepAliveTimeout: HTTP_TIMEOUTS.keepAliveMs,
    requestTimeout: HTTP_TIMEOUTS.requestMs,
    http: { headersTimeout: HTTP_TIMEOUTS.headersMs, connectionsCheckingInterval: HTTP_TIMEOUTS.checkEveryMs },
  });
  // The server's own origins depend on the port actually bound; they are filled in once it listens.
  const origins: string[] = [];
  const allows = (origin: string | undefined) => originAllowed(origin, origins);
  const limits = { ...DEFAULT_SOCKET_LIMITS, ...socketLimits };
  const io = createSocketServer(fastify.server, {
    limits,
    originAllowed: allows,
    allowedOrigins: config.allowedOrigins,
  });
  // On PostgreSQL, every node is one of a cluster (of one, until another node starts on the same database).
  let url = '';
  const cluster =
    store instanceof PgStore && config.databaseUrl
      ? await ClusterNode.join({
          databaseUrl: config.databaseUrl,
          store,
          io,
          log: fastify.log,
          secret: config.clusterSecret,
          address: () => config.nodeUrl ?? (url || null),
        })
      : null;
  const metrics = createServerMetrics({
    sessionsLive: () => hub.liveCount(),
    socketsConnected: () => io.of('/').sockets.size,
  });
  const hub = new SessionHub({
    store,
    scenarios: new ScenarioCache(),
    metrics,
    log: fastify.log,
    rooms: roomSenderOf(io),
    ...(cluster ? { placement: cluster } : {}),
    ...(snapshotEvery ? { snapshotEvery } : {}),
    ...(idleMs ? { idleMs } : {}),
  });
  const library = await ScenarioLibrary.open(config.scenariosDir, { watch: watchScenarios ?? true, log: fastify.log });
  // One bucket per address for both doors a code can be guessed at: wrong codes at POST /api/join and every
  // observe handshake (which cannot tell a guess from a big screen reconnecting) spend from it.
  const joinLimiter = new FailureThrottle(joinLimit ?? JOIN_FAILURES);
  const createLimiter = new AddressLimiter(createLimit ?? CREATE_LIMIT);
  const adminFailures = new FailureThrottle(ADMIN_KEY_FAILURES);
  const deps: ApiDeps = { config, store, hub, library, metrics, joinLimiter, createLimiter, adminFailures };
  if (config.allowedOrigins) await registerCors(fastify, config.allowedOrigins);
  registerRoutes(fastify, deps, allows);
  if (cluster && config.clusterSecret) registerForwarding(fastify, hub, config.clusterSecret);
  await registerClientApp(fastify, config.clientDir);
  const stopSockets = attachSockets(io, {
    store,
    hub,
    metrics,
    log: fastify.log,
    joinLimiter,
    limits,
    clientAddress: clientAddressOf(trust),
  });
  await fastify.listen({ port: config.port, host: config.host });
  const address = fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const interfaces = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  origins.push(
    ...ownOrigins({ publicUrl: config.publicUrl, host: config.host, port, interfaces }),
    ...(config.allowedOrigins ?? []),
  );
  url = `http://${config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host}:${port}`;
  cluster?.start(hub);
  return {
    fastify,
    io,
    hub,
    store,
    library,
    config,
    port,
    url,
    close: closer(fastify, io, hub, library, store, stopSockets, cluster),
  };
}

/**
 * The CORS preflight and headers for CQ_ALLOWED_ORIGINS, by @fastify/cors: preflights, `Vary`
 * and credentials rules are easy to get subtly wrong by hand. Only the listed origins get CORS
 * headers; the origin guard still refuses every other origin's state changes.
 */
async function registerCors(fastify: FastifyInstance, allowedOrigins: string[]): Promise<void> {
  await fastify.register(fastifyCors, {
    origin: allowedOrigins,
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'x-admin-key'],
    maxAge: 600,
  });
}

function registerRoutes(
  fastify: FastifyInstance,
  deps: ApiDeps,
  allows: (origin: string | undefined) => boolean,
): void {
  registerErrorHandler(fastify);
  fastify.addHook('onRequest', originGuard(allows));
  registerHealth(fastify, deps.store);
  registerServerInfo(fastify, deps.config);
  registerScenarios(fastify, deps);
  registerStudio(fastify, deps);
  registerSessions(fastify, deps);
  registerJoin(fastify, deps);
  registerConsoleSeats(fastify, deps);
  registerExports(fastify, deps);
  registerEvaluators(fastify, deps);
  registerExerciseRecords(fastify, deps);
  registerEvidence(fastify, deps);
  registerMetrics(fastify, deps);
  registerRuns(fastify, deps);
  registerReadOnlyDebrief(fastify, deps);
  registerPrometheus(fastify, deps);
}

function closer(
  fastify: FastifyInstance,
  io: GameServer,
  hub: SessionHub,
  library: ScenarioLibrary,
  store: Store,
  stopSockets: () => void,
  cluster: ClusterNode | null,
): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => {
    closing ??= (async () => {
      library.close();
      stopSockets();
      io.disconnectSockets(true);
      await hub.close();
      await new Promise<void>((resolve) => void io.close(() => resolve()));
      await cluster?.close();
      await fastify.close();
      await store.close();
    })();
    return closing;
  };
}
