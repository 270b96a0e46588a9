import net from 'node:net';

/** A TCP proxy to PostgreSQL that the test can cut (closing every connection) and restore on the same port. */
export class TcpProxy {
  readonly #target: { host: string; port: number };
  readonly #sockets = new Set<net.Socket>();
  #server: net.Server | null = null;
  port = 0;

  private constructor(target: { host: string; port: number }) {
    this.#target = target;
  }

  /** Listens on a free loopback port and forwards to `target`'s host and port. */
  static async start(target: URL): Promise<TcpProxy> {
    const proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    await proxy.resume();
    return proxy;
  }

  /** `url` pointed at the proxy instead. */
  url(url: string): string {
    const u = new URL(url);
    u.port = String(this.port);
    return u.toString();
  }

  /** Listens again, on the same port once it had one. */
  async resume(): Promise<void> {
    const server = net.createServer((client) => splice(client, net.connect(this.#target), this.#sockets));
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.#server = server;
  }

  /** Stops listening and cuts every connection through it, as a dead network would. */
  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    for (const socket of this.#sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Pipes `client` and `upstream` both ways until either closes, keeping both in `open` meanwhile. */
export function splice(client: net.Socket, upstream: net.Socket, open: Set<net.Socket>): void {
  for (const socket of [client, upstream]) {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => undefined);
  }
  client.pipe(upstream).pipe(client);
  client.on('close', () => upstream.destroy());
  upstream.on('close', () => client.destroy());
}
