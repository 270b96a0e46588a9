import { readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('./hashes.json', import.meta.url);

/** The recorded final-state hash of every golden path, keyed `scenario/path`; empty when none yet. */
export function readHashes(): Record<string, string> {
  try {
    return JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

/** Rewrites hashes.json with keys sorted, so a regenerated file diffs cleanly. */
export function writeHashes(hashes: Record<string, string>): void {
  const sorted = Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(FILE, `${JSON.stringify(sorted, null, 2)}\n`);
}
