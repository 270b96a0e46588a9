import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLIENT_DIST = join(ROOT, 'client/dist');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Whether client/dist is missing or older than any client or engine source it is built from. */
export function distIsStale(): boolean {
  const index = join(CLIENT_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = [join(ROOT, 'client/src'), join(ROOT, 'engine/src')].map(newest);
  const files = ['client/index.html', 'client/vite.config.ts', 'client/package.json'].map(
    (f) => statSync(join(ROOT, f)).mtimeMs,
  );
  return Math.max(...sources, ...files) > built;
}

/**
 * Builds the client for production. Vitest sets NODE_ENV=test, and Vite keeps a NODE_ENV it finds,
 * which would bundle React's development build; so NODE_ENV is production for the build's length.
 * Rejects when the build fails.
 */
export async function buildClient(): Promise<void> {
  const before = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ configFile: join(ROOT, 'client/vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (before === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = before;
  }
}

/** Vitest global setup: builds the client with Vite when client/dist is stale. */
export default async function setup(): Promise<void> {
  if (distIsStale()) await buildClient();
}
