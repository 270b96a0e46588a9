/** The Socket.IO event names of the wire protocol (see wire.ts), in one place for server, client and tests. */
export const SOCKET_EVENTS = {
  command: 'command',
  resync: 'resync',
  history: 'history',
  telemetry: 'telemetry',
  view: 'view',
  patch: 'patch',
  me: 'me',
  presence: 'presence',
  seat: 'seat',
} as const;
