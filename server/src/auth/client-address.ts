import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import proxyAddr from '@fastify/proxy-addr';

/** CQ_TRUST_PROXY resolved: off, every hop, a hop count, or the proxies' addresses and CIDRs. */
export type TrustProxy = boolean | number | readonly string[];

/** Whether the hop at `address` (the `i`th from the server) is a proxy whose X-Forwarded-For we believe. */
export type TrustFunction = (address: string, i: number) => boolean;

/**
 * The trust rule for `setting`, the same one Fastify's `trustProxy` gets, so `request.ip` and
 * `clientAddress` always agree. Throws on an address list proxy-addr cannot parse.
 */
export function trustFunction(setting: TrustProxy): TrustFunction {
  if (setting === true) return () => true;
  if (setting === false) return () => false;
  if (typeof setting === 'number') return (_address, i) => i < setting;
  return proxyAddr.compile([...setting]);
}

/**
 * `clientAddress(req)`: the client's address of a raw Node request (a Socket.IO handshake), read
 * through trusted proxies' X-Forwarded-For exactly as Fastify reads `request.ip`.
 */
export function clientAddressOf(trust: TrustFunction): (req: IncomingMessage) => string {
  return (req) => proxyAddr(req, trust);
}

/**
 * Whether `address` is this machine: 127.0.0.0/8, ::1, or either written as an IPv4-mapped IPv6
 * address. Anything else, including an unparseable address, is not. Pure.
 */
export function isLoopback(address: string): boolean {
  if (isIP(address) === 4) return address.startsWith('127.');
  if (isIP(address) !== 6) return false;
  // The URL parser writes an IPv6 address in its one canonical form: '::1', or '::ffff:7f00:1' for 127.0.0.1.
  const canonical = new URL(`http://[${address}]`).hostname.slice(1, -1);
  return canonical === '::1' || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(canonical);
}
