import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { fileTooLarge, MAX_SCENARIO_BYTES, type Diagnostic } from '@chaos-quest/engine';

/**
 * What reading one folder entry gave: its text, a refusal to show the author, or nothing (it went
 * away). With the text, the file's time as it was before the read and the bytes read: a write that
 * lands during the read leaves the file newer than that time, or another size, so a reader that
 * compares both with the folder's listing reads it again.
 */
export type EntryRead =
  | { kind: 'text'; text: string; mtimeMs: number; size: number }
  | { kind: 'refused'; diagnostic: Diagnostic }
  | { kind: 'gone' };

const SYMLINK_MESSAGE = 'symbolic links are not followed: copy the file in.';

/**
 * Reads `dir/name` if, and only if, it is a regular file of at most MAX_SCENARIO_BYTES; anything
 * else is refused with a CQ1009 or CQ1001 diagnostic, unread. Never throws for what the folder holds.
 *
 * Synchronous on purpose. The scenarios folder is untrusted: an async read of a FIFO parks one of
 * libuv's four thread-pool workers for good, and the store's WAL fsync needs those workers (see
 * store/group-commit.ts). A regular file of at most 1 MB is read from the page cache in well under a
 * millisecond, and the parse that follows runs on this thread anyway. The entry is checked twice:
 * `lstat` first (nothing is opened for a link, FIFO or device), then `fstat` on the descriptor, opened
 * with O_NOFOLLOW | O_NONBLOCK, in case it was swapped between the two.
 */
export function readRegularFile(dir: string, name: string): EntryRead {
  const path = join(dir, name);
  let before: Stats | undefined;
  try {
    before = lstatSync(path, { throwIfNoEntry: false });
  } catch (error) {
    return refused(name, `cannot be inspected (${codeOf(error)}); check its permissions.`);
  }
  if (!before) return { kind: 'gone' };
  const early = refusal(name, before);
  if (early) return early;
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = codeOf(error);
    if (code === 'ENOENT') return { kind: 'gone' };
    if (code === 'ELOOP') return refused(name, SYMLINK_MESSAGE);
    return refused(name, `cannot be opened (${code}); check its permissions.`);
  }
  try {
    const stats = fstatSync(fd);
    return refusal(name, stats) ?? readCapped(fd, name, stats.mtimeMs);
  } finally {
    closeSync(fd);
  }
}

/** The refusal for an entry that is not a small regular file, or null when it may be read. */
function refusal(name: string, stats: Stats): EntryRead | null {
  if (stats.isSymbolicLink()) return refused(name, SYMLINK_MESSAGE);
  if (!stats.isFile()) return refused(name, `not a regular file (${kindOf(stats)}); only regular files are read.`);
  if (stats.size > MAX_SCENARIO_BYTES) return { kind: 'refused', diagnostic: fileTooLarge(name, stats.size) };
  return null;
}

/** Reads at most one byte past the cap, so a file that grew after fstat is still refused, not read whole. */
function readCapped(fd: number, name: string, mtimeMs: number): EntryRead {
  // Unzeroed: only the bytes read are ever decoded.
  const buffer = Buffer.allocUnsafe(MAX_SCENARIO_BYTES + 1);
  let length = 0;
  for (;;) {
    const read = readSync(fd, buffer, length, buffer.length - length, length);
    if (read === 0) break;
    length += read;
    if (length === buffer.length) return { kind: 'refused', diagnostic: fileTooLarge(name, length) };
  }
  return { kind: 'text', text: buffer.toString('utf8', 0, length), mtimeMs, size: length };
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a file';
}

function refused(file: string, message: string): EntryRead {
  return {
    kind: 'refused',
    diagnostic: { file, line: 1, col: 1, code: 'CQ1009', severity: 'error', message, path: '' },
  };
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? 'unknown error';
}
