import { useEffect, type MutableRefObject } from 'react';
import * as api from './studio-api.ts';

/** How often the page asks whether the file changed on disk (one small request; no open connection). */
const POLL_MS = 1_500;

/**
 * Follows the open file on disk: while one is open, asks every POLL_MS whether its time changed,
 * and hands a new version (another text) to `onNewVersion`. A file touched with the same text only
 * moves the time kept in `loaded`.
 */
export function useDiskFollow<T extends { name: string; hash: string; mtimeMs: number }>(
  loaded: MutableRefObject<T | null>,
  refreshList: () => Promise<api.StudioFile[] | null>,
  onNewVersion: (read: api.StudioFileText) => void,
): void {
  useEffect(() => {
    const id = window.setInterval(async () => {
      // Nothing open, nothing to follow: a studio that is off is not asked again and again.
      if (!loaded.current) return;
      const list = await refreshList();
      const current = loaded.current;
      if (!list || !current) return;
      const entry = list.find((f) => f.name === current.name);
      if (!entry || entry.mtimeMs === current.mtimeMs) return;
      const read = await api.readFile(current.name).catch(() => null);
      if (!read || loaded.current?.name !== read.name) return;
      if (read.hash === loaded.current.hash) {
        loaded.current = { ...loaded.current, mtimeMs: read.mtimeMs };
        return;
      }
      onNewVersion(read);
    }, POLL_MS);
    return () => window.clearInterval(id);
  }, [loaded, refreshList, onNewVersion]);
}
