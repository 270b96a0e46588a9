import { useEffect, useState } from 'react';
import { formatRoute } from '../app/route.ts';

/** What `GET /api/server-info` answers (server/src/http/server-info.ts). */
interface ServerInfo {
  joinUrl: string;
  localOnly: boolean;
}

/** Where a player's device opens to join with a code, and whether only this machine can reach it. */
export interface JoinLink {
  url: string;
  /** True when the server listens on loopback only, so phones in the room cannot open `url`. */
  localOnly: boolean;
}

let asked: Promise<ServerInfo | null> | null = null;

// One request per page load: the address does not change while a console or big screen is open.
function serverInfo(): Promise<ServerInfo | null> {
  asked ??= fetch('/api/server-info')
    .then((r) => (r.ok ? (r.json() as Promise<ServerInfo>) : null))
    .catch(() => null);
  return asked;
}

/** The phone join link for `joinCode` under `base` (an origin): the join page with the code filled in. Pure. */
export function joinLinkOf(base: string, joinCode: string): string {
  return `${base.replace(/\/+$/, '')}/${formatRoute({ name: 'home', joinCode })}`;
}

/**
 * The join link for `joinCode`: under the server's own idea of its network address (CQ_PUBLIC_URL or
 * an interface address), since the console is often opened as `localhost`, which no phone can reach.
 * Until the server answers, or if it cannot, the address this page was opened at.
 */
export function useJoinLink(joinCode: string): JoinLink {
  const [info, setInfo] = useState<ServerInfo | null>(null);
  useEffect(() => {
    let live = true;
    void serverInfo().then((answer) => {
      if (live) setInfo(answer);
    });
    return () => {
      live = false;
    };
  }, []);
  const base = info?.joinUrl ?? `${window.location.origin}${window.location.pathname}`;
  return { url: joinLinkOf(base, joinCode), localOnly: info?.localOnly ?? false };
}
