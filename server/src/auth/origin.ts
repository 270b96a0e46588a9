/** A network interface address as `os.networkInterfaces()` lists it (only the fields read here). */
export interface InterfaceAddress {
  address: string;
  family: string;
  internal: boolean;
}

/**
 * The origins of this server's own pages. With `publicUrl` (CQ_PUBLIC_URL) that URL's origin only:
 * the operator said how people reach it. Otherwise the addresses it listens on: localhost,
 * 127.0.0.1 and [::1] at `port`, `host` itself when it is one address, and every interface's
 * address when `host` is a wildcard. Never the Host header of a request, which a DNS-rebinding page
 * controls. Pure: the caller passes `os.networkInterfaces()`.
 */
export function ownOrigins(options: {
  publicUrl: string | null;
  host: string;
  port: number;
  interfaces: readonly InterfaceAddress[];
}): string[] {
  if (options.publicUrl !== null) return [new URL(options.publicUrl).origin];
  const { host, port } = options;
  const hosts = new Set(['localhost', '127.0.0.1', '::1']);
  if (host === '0.0.0.0' || host === '::') {
    // A link-local IPv6 address needs a zone id, which a browser's URL cannot carry: nobody browses to it.
    for (const i of options.interfaces) if (!(i.family === 'IPv6' && /^fe80:/i.test(i.address))) hosts.add(i.address);
  } else {
    hosts.add(host);
  }
  return [...hosts].map((h) => new URL(`http://${h.includes(':') ? `[${h}]` : h}:${port}`).origin);
}

/**
 * Whether a request's Origin may talk to us: one of `allowed` exactly (the server's own origins
 * plus CQ_ALLOWED_ORIGINS). A request with no Origin (curl, the CLI, a test client) is not a
 * browser page and passes. Pure.
 */
export function originAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined || origin === '') return true;
  return allowed.includes(origin);
}
