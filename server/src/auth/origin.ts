/**
 * Whether a request's Origin may talk to us. A same-origin page (the Origin's host equals the Host
 * header) always may; another origin only when it is on the allowlist exactly. A request with no
 * Origin (curl, the CLI, a test client) is not a browser page and passes. Pure.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowlist: readonly string[] | null): boolean {
  if (origin === undefined || origin === '') return true;
  if (allowlist?.includes(origin)) return true;
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
