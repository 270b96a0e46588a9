import { useEffect, type MutableRefObject } from 'react';
import * as api from './studio-api.ts';

/** How often the page asks whether the file changed on disk (one small request; no open connection). */
const POLL_MS = 1_500;

/** A file's time and size on disk, as the folder's listing and a read give them. */
export interface DiskStamp {
  mtimeMs: number;
  size: number;
}

/**
 * Whether the folder lists another version than the one held. The size counts as well as the time:
 * a file's time may move in coarse steps (a kernel clock tick; whole seconds on some file systems and
 * shares), so an editor that empties a file and writes it again can leave it with the time of the
 * empty one that a read happened to catch.
 */
export function newerOnDisk(listed: DiskStamp, held: DiskStamp): boolean {
  return listed.mtimeMs !== held.mtimeMs || listed.size !== held.size;
}

/**
 * Follows the open file on disk: while one is open, asks every POLL_MS whether its time or size
 * changed, and if so reads it and hands it to `onRead`, which keeps the new stamp (else the file is
 * read again at every poll) and decides what another text means.
 */
export function useDiskFollow<T extends { name: string; hash: string } & DiskStamp>(
  loaded: MutableRefObject<T | null>,
  refreshList: () => Promise<api.StudioFile[] | null>,
  onRead: (read: api.StudioFileText) => void,
): void {
  useEffect(() => {
    const id = window.setInterval(async () => {
      // Nothing open, nothing to follow: a studio that is off is not asked again and again.
      if (!loaded.current) return;
      const list = await refreshList();
      const current = loaded.current;
      if (!list || !current) return;
      const entry = list.find((f) => f.name === current.name);
      if (!entry || !newerOnDisk(entry, current)) return;
      const read = await api.readFile(current.name).catch(() => null);
      if (read && loaded.current?.name === read.name) onRead(read);
    }, POLL_MS);
    return () => window.clearInterval(id);
  }, [loaded, refreshList, onRead]);
}
