import { parseArgs } from 'node:util';
import type { CliIo } from './cli-io.ts';
import { UsageError } from './usage-error.ts';

/**
 * `chaos-quest serve [--port P] [--host H]`: checks the arguments, then starts the server, which keeps
 * the process alive until SIGINT or SIGTERM. Throws UsageError for a bad port; rejects when the server
 * cannot start.
 */
export async function serveCommand(args: readonly string[], _io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: { port: { type: 'string' }, host: { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65_535))
    throw new UsageError(`--port must be a port number, not '${values.port}'.`);
  // Loaded only here: the server pulls in Fastify, Socket.IO and SQLite, which validate and simulate never need.
  const { serve } = await import('./serve.ts');
  await serve({ ...(port !== undefined ? { port } : {}), ...(values.host !== undefined ? { host: values.host } : {}) });
  return 0;
}
