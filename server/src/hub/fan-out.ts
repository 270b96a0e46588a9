import { viewFor, type Presence, type View, type Viewer } from '@chaos-quest/engine';
import type { Connection, LiveSession } from './live-session.ts';

/**
 * Sends every connection of `session` its view of the current state, tagged with `seq`. Views are
 * projected per viewer on the server: the facilitator's once, the observers' public view once, and
 * each seated player's once however many tabs they have (each player's view carries its own `me`).
 */
export function broadcastViews(session: LiveSession): void {
  const cache = new Map<string, View>();
  const seq = session.state.seq;
  for (const connection of session.connections.values()) {
    const key = viewerKey(connection.viewer);
    let view = cache.get(key);
    if (!view) {
      view = viewFor(session.scenario, session.state, connection.viewer);
      cache.set(key, view);
    }
    connection.sendView({ seq, view });
  }
}

/** Sends one connection its current view (on connect and on resync). */
export function sendView(session: LiveSession, connection: Connection): void {
  connection.sendView({ seq: session.state.seq, view: viewFor(session.scenario, session.state, connection.viewer) });
}

/** Who is connected right now: player ids with a socket open, the facilitator, and how many observers. */
export function presenceOf(session: LiveSession): Presence {
  const connected = new Set<string>();
  let facilitator = false;
  let observers = 0;
  for (const { viewer } of session.connections.values()) {
    if (viewer.kind === 'player') connected.add(viewer.playerId);
    else if (viewer.kind === 'facilitator') facilitator = true;
    else observers += 1;
  }
  return { connected: [...connected].sort(), facilitator, observers };
}

/** Tells the facilitator's connections who is at the table; players and observers are not told. */
export function sendPresence(session: LiveSession): void {
  const presence = presenceOf(session);
  for (const connection of session.connections.values()) {
    if (connection.viewer.kind === 'facilitator') connection.sendPresence(presence);
  }
}

function viewerKey(viewer: Viewer): string {
  return viewer.kind === 'player' ? `player:${viewer.playerId}` : viewer.kind;
}
