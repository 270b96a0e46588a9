import { createServer } from '../app.ts';

/**
 * `chaos-quest serve`: starts the server from the environment (see loadConfig), options winning over it, and shuts down
 * cleanly on SIGINT or SIGTERM. Rejects when the server cannot start (port taken, store unreadable).
 */
export async function serve(options: { port?: number; host?: string } = {}): Promise<void> {
  const server = await createServer({
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
  });
  const log = server.fastify.log;
  log.info({ url: server.url, dataDir: server.config.dataDir, scenariosDir: server.config.scenariosDir }, `Chaos Quest is serving on port ${server.port}`);
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
