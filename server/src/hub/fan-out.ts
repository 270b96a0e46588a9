import {
  audienceOf,
  diffProjection,
  meBasis,
  meFor,
  meInputs,
  projectionFor,
  sameAudiences,
  type MeMessage,
  type PatchMessage,
  type PlayerId,
  type Presence,
  type ViewAudience,
  type ViewMessage,
} from '@chaos-quest/engine';
import { audienceRoom } from './audience-room.ts';
import type { Connection, LiveSession, RoomSender } from './live-session.ts';

/**
 * Puts `connection` in the room of its current audience (a player's changes with their role).
 * `moved` when it was in another room or none: it then holds no view of this audience.
 */
function placeIn(
  session: LiveSession,
  connection: Connection,
): { room: string; audience: ViewAudience; moved: boolean } {
  const audience = audienceOf(session.scenario, session.state, connection.viewer);
  const room = audienceRoom(session.id, audience);
  const moved = connection.room !== room;
  if (moved) connection.joinRoom(room);
  return { room, audience, moved };
}

/**
 * Places every connection of `session` (see placeIn): the audiences that have members, and the
 * connections that moved. While every viewer's audience is as it was (sameAudiences: no player
 * took or left a role) and every connection is still in the room it was put in, the last
 * placement holds and nobody moved: most commands cost no look at each connection's role.
 */
function placeAll(session: LiveSession): {
  audiences: ReadonlyMap<string, ViewAudience>;
  moved: { connection: Connection; room: string }[];
} {
  const last = session.placed;
  if (last && last.rooms.size === session.connections.size && sameAudiences(last.state, session.state)) {
    let holds = true;
    for (const connection of session.connections.values())
      if (last.rooms.get(connection.id) !== connection.room) {
        holds = false;
        break;
      }
    if (holds) {
      last.state = session.state;
      return { audiences: last.audiences, moved: [] };
    }
  }
  const audiences = new Map<string, ViewAudience>();
  const rooms = new Map<string, string>();
  const moved: { connection: Connection; room: string }[] = [];
  for (const connection of session.connections.values()) {
    const placed = placeIn(session, connection);
    audiences.set(placed.room, placed.audience);
    rooms.set(connection.id, placed.room);
    if (placed.moved) moved.push({ connection, room: placed.room });
  }
  session.placed = { state: session.state, rooms, audiences };
  return { audiences, moved };
}

/**
 * Sends every connection of `session` the current state, tagged with its `seq` (DESIGN step 5):
 * each audience's projection is built once and sent once to its room, so the transport encodes it
 * once however many players share the role, and it goes as a patch against the projection the
 * room got last, so it costs the bytes that changed rather than the whole view. A connection that
 * moved rooms (a player who took a role) first gets the new audience's view whole, which makes the
 * room's patch stale to it. Then each player whose own part (`me`) changed gets it alone.
 */
export function broadcastViews(session: LiveSession, rooms: RoomSender): void {
  const seq = session.state.seq;
  const { audiences, moved } = placeAll(session);
  const updates = new Map<string, { view: ViewMessage; patch: PatchMessage | null }>();
  for (const [room, audience] of audiences) {
    const projection = projectionFor(session.scenario, session.state, audience);
    const last = session.sent.get(room);
    const patch = last ? diffProjection(last.projection, projection) : null;
    const message: ViewMessage = { seq, view: projection };
    updates.set(room, { view: message, patch: last && patch ? { seq, base: last.seq, patch } : null });
    session.sent.set(room, { seq, projection, message });
  }
  for (const room of session.sent.keys()) if (!audiences.has(room)) session.sent.delete(room);
  for (const { connection, room } of moved) {
    const update = updates.get(room);
    if (update?.patch) connection.sendView(update.view);
  }
  for (const [room, { view, patch }] of updates) {
    if (patch) rooms.sendPatch(room, patch);
    else rooms.sendView(room, view);
  }
  sendChangedMe(session, seq);
}

function sendChangedMe(session: LiveSession, seq: number): void {
  const basis = meBasis(session.state);
  const last = session.meBasis;
  session.meBasis = basis;
  // A timeline line, a roll, an inject, the clock: most commands leave every player's `me` as sent.
  if (last && basis.every((input, i) => input === last[i])) return;
  // Each player's `me` is decided once, however many of their connections are open.
  const decided = new Map<PlayerId, MeMessage | null>();
  for (const connection of session.connections.values()) {
    if (connection.viewer.kind !== 'player') continue;
    const { playerId } = connection.viewer;
    let message = decided.get(playerId);
    if (message === undefined) {
      message = changedMe(session, playerId, seq);
      decided.set(playerId, message);
    }
    if (message) connection.sendMe(message);
  }
}

/** `playerId`'s `me` when it differs from the one their connections hold, else null. */
function changedMe(session: LiveSession, playerId: PlayerId, seq: number): MeMessage | null {
  const sent = session.sentMe.get(playerId);
  const inputs = meInputs(session.state, playerId);
  // Most commands leave a player's seat, vote and coaching alone: then their `me` is as sent.
  if (sent && inputs.every((input, i) => input === sent.inputs[i])) return null;
  const message = meMessage(session, playerId, seq);
  const json = JSON.stringify(message.me);
  session.sentMe.set(playerId, { json, inputs });
  return sent?.json === json ? null : message;
}

function meMessage(session: LiveSession, playerId: PlayerId, seq: number): MeMessage {
  return { seq, me: meFor(session.scenario, session.state, playerId) };
}

/**
 * Sends one connection the whole current state (on connect): a player's `me` first, so the view
 * that follows can be shown whole, then its audience's projection. Places it in its room.
 */
export function sendView(session: LiveSession, connection: Connection): void {
  const { room, audience } = placeIn(session, connection);
  const { viewer } = connection;
  if (viewer.kind === 'player') {
    const message = meMessage(session, viewer.playerId, session.state.seq);
    // Every other connection of this player holds this `me` too: state changes always broadcast.
    session.sentMe.set(viewer.playerId, {
      json: JSON.stringify(message.me),
      inputs: meInputs(session.state, viewer.playerId),
    });
    connection.sendMe(message);
  }
  connection.sendView(currentView(session, room, audience));
}

/**
 * The message carrying what `audience` sees now. A reconnect storm brings a room's members back
 * between two commands: the message the room got with the latest broadcast is still current, so
 * the same object goes out again (and is encoded once); else it is made and kept for the next.
 */
function currentView(session: LiveSession, room: string, audience: ViewAudience): ViewMessage {
  const seq = session.state.seq;
  const sent = session.sent.get(room);
  if (sent && sent.seq === seq) return sent.message;
  const projection = projectionFor(session.scenario, session.state, audience);
  const message: ViewMessage = { seq, view: projection };
  // A room with members keeps what it was sent: the next broadcast patches against it.
  if (!sent) session.sent.set(room, { seq, projection, message });
  return message;
}

/** What a resync answers: the viewer's projection, and for a player their `me`, at the current seq. */
export function resyncOf(
  session: LiveSession,
  viewer: Connection['viewer'],
): { view: ViewMessage; me: MeMessage | null } {
  const audience = audienceOf(session.scenario, session.state, viewer);
  const view = currentView(session, audienceRoom(session.id, audience), audience);
  return { view, me: viewer.kind === 'player' ? meMessage(session, viewer.playerId, session.state.seq) : null };
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
