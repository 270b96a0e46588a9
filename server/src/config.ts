import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Everything the server reads from its environment, resolved once at start. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Where the SQLite file lives. */
  dataDir: string;
  scenariosDir: string;
  /** The built client to serve, or null to serve the API only. */
  clientDir: string | null;
  /** Exact origins allowed to talk to the API and sockets; null means same-origin only. */
  allowedOrigins: string[] | null;
  /** When set, creating sessions and reading metrics require the `x-admin-key` header. */
  adminKey: string | null;
}

/** The repository root, so `npm start` run from `server/` still finds `./data` and `./scenarios` of the root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const fromRoot = (path: string) => (isAbsolute(path) ? path : resolve(REPO_ROOT, path));

/**
 * Reads PORT, HOST, CQ_DATA_DIR, CQ_SCENARIOS_DIR, CQ_CLIENT_DIR, CQ_ALLOWED_ORIGINS and
 * CQ_ADMIN_KEY; relative paths are taken from the repository root. Throws on a PORT that is not a
 * port number, so a typo stops the server at once instead of binding somewhere unexpected.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const port = overrides.port ?? parsePort(env['PORT'] ?? '3000');
  const origins = (env['CQ_ALLOWED_ORIGINS'] ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  return {
    port,
    host: overrides.host ?? env['HOST'] ?? '0.0.0.0',
    dataDir: overrides.dataDir ?? fromRoot(env['CQ_DATA_DIR'] ?? 'data'),
    scenariosDir: overrides.scenariosDir ?? fromRoot(env['CQ_SCENARIOS_DIR'] ?? 'scenarios'),
    clientDir: overrides.clientDir !== undefined ? overrides.clientDir : fromRoot(env['CQ_CLIENT_DIR'] ?? 'client/dist'),
    allowedOrigins: overrides.allowedOrigins !== undefined ? overrides.allowedOrigins : origins.length > 0 ? origins : null,
    adminKey: overrides.adminKey !== undefined ? overrides.adminKey : env['CQ_ADMIN_KEY'] || null,
  };
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got '${text}'.`);
  }
  return port;
}
