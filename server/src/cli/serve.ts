import { createServer, type ChaosServer } from '../app.ts';
import { StoreDamagedError } from '../store/store-damage.ts';

/**
 * `chaos-quest serve`: starts the server from the environment (see loadConfig), options winning
 * over it, and shuts down cleanly on SIGINT or SIGTERM. A damaged database is the operator's to
 * fix, not a crash: its message (what is wrong, how to recover) goes to stderr and the process
 * exits with 1. Rejects when the server cannot start for another reason (port taken, store unreadable).
 */
export async function serve(options: { port?: number; host?: string } = {}): Promise<void> {
  let server: ChaosServer;
  try {
    server = await createServer({
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.host !== undefined ? { host: options.host } : {}),
    });
  } catch (error) {
    if (!(error instanceof StoreDamagedError)) throw error;
    process.stderr.write(`chaos-quest serve: ${error.message}\n`);
    // Exit here: main.ts would otherwise set exit code 0 once serve() returns.
    process.exit(1);
  }
  const log = server.fastify.log;
  log.info(
    { url: server.url, dataDir: server.config.dataDir, scenariosDir: server.config.scenariosDir },
    `Chaos Quest is serving on port ${server.port}`,
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `${signal}: closing sockets, HTTP and the store`);
    server.close().then(
      () => {
        log.info('Closed cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
