import type { Connection } from '../hub/live-session.ts';
import type { GameSocket } from './socket-types.ts';
import { writeView } from './view-packets.ts';

/**
 * The hub's handle on one socket. Its room is the Socket.IO room it joined, for as long as it is
 * connected: only `joinRoom` moves it, and a disconnect takes it out of every room. (Asking the
 * adapter instead costs a lookup per member of every broadcast.)
 */
export function connectionOf(socket: GameSocket): Connection {
  let room: string | null = null;
  return {
    id: socket.id,
    viewer: socket.data.viewer,
    console: socket.data.console,
    get room() {
      return socket.connected ? room : null;
    },
    joinRoom: (next) => {
      if (room) void socket.leave(room);
      room = next;
      void socket.join(next);
    },
    sendView: (message) => writeView(socket, message),
    sendMe: (message) => socket.emit('me', message),
    sendPresence: (presence) => socket.emit('presence', presence),
    sendSeat: (message) => socket.emit('seat', message),
    close: () => socket.disconnect(true),
  };
}
