import type { Connection } from '../hub/live-session.ts';
import type { GameSocket } from './socket-types.ts';
import { writeView } from './view-packets.ts';

/**
 * The hub's handle on one socket. Its room is the Socket.IO room it is in, read back from the socket
 * itself, so membership is held in one place: the transport's.
 */
export function connectionOf(socket: GameSocket): Connection {
  let room: string | null = null;
  return {
    id: socket.id,
    viewer: socket.data.viewer,
    console: socket.data.console,
    get room() {
      return room !== null && socket.rooms.has(room) ? room : null;
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
