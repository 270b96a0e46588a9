import { networkInterfaces } from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config.ts';

/** A network interface address as `os.networkInterfaces()` lists it, with the interface's name. */
export interface NamedInterfaceAddress {
  name: string;
  address: string;
  family: string;
  internal: boolean;
}

/** `GET /api/server-info`'s body: where players' devices reach this server, and whether only this machine can. */
export interface ServerInfo {
  joinUrl: string;
  /** True when the address works only on the server's own machine (it listens on loopback alone). */
  localOnly: boolean;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);
// Container and VM bridges have private addresses that no phone in the room can reach.
const VIRTUAL = /^(docker|br-|veth|virbr|vboxnet|vmnet|cni|flannel|cali|tun|tap|lxc|lxd)/;

const urlOf = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

/**
 * The address other devices should open to join: CQ_PUBLIC_URL when set (the operator said how people
 * reach the server); else `host` when it is one routable address; else, for a wildcard host, a
 * non-internal interface address (IPv4 on a physical interface first, never link-local IPv6). Falls
 * back to 127.0.0.1 with `localOnly` when nothing else can reach the server. Pure.
 */
export function joinUrlOf(options: {
  publicUrl: string | null;
  host: string;
  port: number;
  interfaces: readonly NamedInterfaceAddress[];
}): ServerInfo {
  const { publicUrl, host, port } = options;
  if (publicUrl !== null) return { joinUrl: publicUrl, localOnly: false };
  if (host !== '0.0.0.0' && host !== '::') {
    return LOOPBACK.has(host)
      ? { joinUrl: urlOf('127.0.0.1', port), localOnly: true }
      : { joinUrl: urlOf(host, port), localOnly: false };
  }
  const reachable = options.interfaces.filter(
    (i) => !i.internal && !(i.family === 'IPv6' && /^fe80:/i.test(i.address)),
  );
  const rank = (i: NamedInterfaceAddress) => (VIRTUAL.test(i.name) ? 2 : 0) + (i.family === 'IPv4' ? 0 : 1);
  const best = [...reachable].sort((a, b) => rank(a) - rank(b))[0];
  return best
    ? { joinUrl: urlOf(best.address, port), localOnly: false }
    : { joinUrl: urlOf('127.0.0.1', port), localOnly: true };
}

/**
 * `GET /api/server-info` → 200 `{ joinUrl, localOnly }`, public: the join address holds no secret and
 * the join page needs it before anyone has a seat. Interfaces are read per request, since a laptop
 * that moves to the venue's Wi-Fi gets a new address without restarting the server.
 */
export function registerServerInfo(app: FastifyInstance, config: ServerConfig): void {
  app.get('/api/server-info', async () => {
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const interfaces = Object.entries(networkInterfaces()).flatMap(([name, list]) =>
      (list ?? []).map((i) => ({ name, ...i })),
    );
    const info: ServerInfo = joinUrlOf({ publicUrl: config.publicUrl, host: config.host, port, interfaces });
    return info;
  });
}
