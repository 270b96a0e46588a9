import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trustFunction, type TrustProxy } from './auth/client-address.ts';

/** Everything the server reads from its environment, resolved once at start. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Where the SQLite file lives. */
  dataDir: string;
  /** CQ_DATABASE_URL: a postgres:// URL selects the PostgreSQL store instead of SQLite in dataDir. */
  databaseUrl: string | null;
  scenariosDir: string;
  /** The built client to serve, or null to serve the API only. */
  clientDir: string | null;
  /** Exact origins allowed to talk to the API and sockets; null means same-origin only. */
  allowedOrigins: string[] | null;
  /** When set, creating sessions and reading metrics require the `x-admin-key` header. */
  adminKey: string | null;
  /** How people reach the server (CQ_PUBLIC_URL); its origin is then the server's only own origin. */
  publicUrl: string | null;
  /** Which reverse proxies' X-Forwarded-For to believe (CQ_TRUST_PROXY); false by default. */
  trustProxy: TrustProxy;
  /**
   * CQ_CLUSTER_SECRET, shared by the nodes on one PostgreSQL database: with it a node forwards
   * commands to the node holding their session and takes forwarded ones. Null: it does neither.
   */
  clusterSecret: string | null;
  /** CQ_NODE_URL: how the other nodes reach this one (default: its loopback address and port). */
  nodeUrl: string | null;
  /**
   * CQ_STUDIO=1: the scenario studio's API (`/api/studio/*`), which reads and writes the scenarios
   * folder, answers everyone who reaches the server. Off, it answers only a request with the admin key.
   */
  studio: boolean;
}

/** The repository root, so `npm start` run from `server/` still finds `./data` and `./scenarios` of the root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const fromRoot = (path: string) => (isAbsolute(path) ? path : resolve(REPO_ROOT, path));

/**
 * Reads PORT, HOST, CQ_DATA_DIR, CQ_DATABASE_URL, CQ_SCENARIOS_DIR, CQ_CLIENT_DIR, CQ_ALLOWED_ORIGINS,
 * CQ_ADMIN_KEY, CQ_PUBLIC_URL, CQ_TRUST_PROXY, CQ_CLUSTER_SECRET, CQ_NODE_URL and CQ_STUDIO; relative paths are taken from the repository root.
 * Throws on a value it cannot use (a PORT that is not a port, a CQ_DATABASE_URL that is not a
 * postgres:// URL, a CQ_PUBLIC_URL that is not an http(s) URL, a CQ_TRUST_PROXY address that does
 * not parse), so a typo stops the server at once instead of running with a different meaning.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const port = overrides.port ?? parsePort(env['PORT'] ?? '3000');
  const origins = (env['CQ_ALLOWED_ORIGINS'] ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return {
    port,
    host: overrides.host ?? env['HOST'] ?? '0.0.0.0',
    dataDir: overrides.dataDir ?? fromRoot(env['CQ_DATA_DIR'] ?? 'data'),
    databaseUrl: parseDatabaseUrl(
      overrides.databaseUrl !== undefined ? overrides.databaseUrl : env['CQ_DATABASE_URL'] || null,
    ),
    scenariosDir: overrides.scenariosDir ?? fromRoot(env['CQ_SCENARIOS_DIR'] ?? 'scenarios'),
    clientDir:
      overrides.clientDir !== undefined ? overrides.clientDir : fromRoot(env['CQ_CLIENT_DIR'] ?? 'client/dist'),
    allowedOrigins:
      overrides.allowedOrigins !== undefined ? overrides.allowedOrigins : origins.length > 0 ? origins : null,
    adminKey: overrides.adminKey !== undefined ? overrides.adminKey : env['CQ_ADMIN_KEY'] || null,
    publicUrl: parsePublicUrl(overrides.publicUrl !== undefined ? overrides.publicUrl : env['CQ_PUBLIC_URL'] || null),
    trustProxy: parseTrustProxy(overrides.trustProxy ?? env['CQ_TRUST_PROXY'] ?? ''),
    clusterSecret: parseClusterSecret(
      overrides.clusterSecret !== undefined ? overrides.clusterSecret : env['CQ_CLUSTER_SECRET'] || null,
    ),
    nodeUrl: parseNodeUrl(overrides.nodeUrl !== undefined ? overrides.nodeUrl : env['CQ_NODE_URL'] || null),
    studio: overrides.studio ?? parseSwitch('CQ_STUDIO', env['CQ_STUDIO']),
  };
}

function parseDatabaseUrl(text: string | null): string | null {
  if (text === null) return null;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // Reported below, without echoing a URL that may hold a password.
  }
  if (url === null || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')) {
    throw new Error(
      'CQ_DATABASE_URL must be a PostgreSQL URL like postgres://user@host:5432/database; leave it unset to use SQLite in CQ_DATA_DIR.',
    );
  }
  return text;
}

function parseClusterSecret(text: string | null): string | null {
  if (text !== null && text.length < 16)
    throw new Error('CQ_CLUSTER_SECRET must be at least 16 characters (say, the output of `openssl rand -hex 32`).');
  return text;
}

function parseNodeUrl(text: string | null): string | null {
  if (text === null) return null;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // Reported below.
  }
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw new Error(
      `CQ_NODE_URL must be how the other nodes reach this one, like http://10.0.0.5:3000; got '${text}'.`,
    );
  return url.origin;
}

function parsePublicUrl(text: string | null): string | null {
  if (text === null) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`CQ_PUBLIC_URL must be the URL people open, like https://quest.example.com; got '${text}'.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`CQ_PUBLIC_URL must start with http:// or https://; got '${text}'.`);
  return url.origin;
}

/** `true`, `false`/empty, a hop count, or a comma-separated list of proxy addresses and CIDRs. */
function parseTrustProxy(value: TrustProxy | string): TrustProxy {
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  const list = text
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  try {
    trustFunction(list);
  } catch (error) {
    throw new Error(
      `CQ_TRUST_PROXY must be true, a hop count, or proxy addresses/CIDRs separated by commas: ${(error as Error).message}.`,
    );
  }
  return list;
}

function parseSwitch(name: string, text: string | undefined): boolean {
  if (text === undefined || text === '' || text === '0') return false;
  if (text === '1') return true;
  throw new Error(`${name} must be 1 (on) or 0 (off); got '${text}'.`);
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got '${text}'.`);
  }
  return port;
}
