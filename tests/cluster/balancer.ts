import net from 'node:net';
import { splice } from '../../server/src/store/pg-test-proxy.ts';

/**
 * A round-robin TCP load balancer on loopback, standing in for nginx or HAProxy in front of the
 * nodes: each new connection goes to the next node that accepts it, so a dead node's clients
 * reconnect to the living ones. WebSockets are plain TCP to it; no stickiness, as in production.
 */
export class Balancer {
  readonly #server: net.Server;
  readonly #sockets = new Set<net.Socket>();
  #ports: number[];
  #next = 0;
  port = 0;

  private constructor(ports: number[]) {
    this.#ports = ports;
    this.#server = net.createServer((client) => this.#route(client));
  }

  static async start(ports: number[]): Promise<Balancer> {
    const balancer = new Balancer(ports);
    await new Promise<void>((resolve) => balancer.#server.listen(0, '127.0.0.1', resolve));
    balancer.port = (balancer.#server.address() as net.AddressInfo).port;
    return balancer;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The nodes to spread connections over from now on. */
  set ports(ports: number[]) {
    this.#ports = ports;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #route(client: net.Socket, tried = 0): void {
    client.pause();
    client.on('error', () => undefined);
    if (tried >= this.#ports.length) return void client.destroy();
    const port = this.#ports[this.#next++ % this.#ports.length] as number;
    const upstream = net.connect(port, '127.0.0.1');
    let connected = false;
    upstream.once('error', () => {
      if (!connected) this.#route(client, tried + 1);
    });
    upstream.once('connect', () => {
      connected = true;
      splice(client, upstream, this.#sockets);
      client.resume();
    });
  }
}
