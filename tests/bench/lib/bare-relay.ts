/**
 * The ceiling of the stack for the load benchmark: a bare Socket.IO server, no HTTP API, no
 * engine, no store. A socket names its room in the handshake (`{ room }`) and joins it; every
 * `command` bumps the room's seq, broadcasts one `view` message to the room, then acks, as the
 * real server does after its append. The view it sends is a copy of one the real server sent in
 * the same run (a JSON file), so the wire size and the client's parse work match.
 *
 *   node --import tsx tests/bench/lib/bare-relay.ts --view <file.json> [--port <n>]
 */
import fs from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { Server } from 'socket.io';
import { announceReady } from './child-process.ts';

const { values } = parseArgs({ options: { view: { type: 'string' }, port: { type: 'string', default: '0' } } });
if (!values.view) throw new Error('usage: bare-relay.ts --view <file.json> [--port <n>]');
const view: unknown = JSON.parse(fs.readFileSync(values.view, 'utf8'));

const http = createServer();
const io = new Server(http, { transports: ['websocket'] });
const seqs = new Map<string, number>();

io.on('connection', (socket) => {
  const room = String((socket.handshake.auth as { room?: unknown }).room ?? 'lobby');
  void socket.join(room);
  socket.emit('view', { seq: seqs.get(room) ?? 0, view });
  socket.on('command', (_payload: unknown, ack: unknown) => {
    const seq = (seqs.get(room) ?? 0) + 1;
    seqs.set(room, seq);
    io.to(room).emit('view', { seq, view });
    if (typeof ack === 'function') ack({ ok: true, seq });
  });
});

process.once('SIGTERM', () => {
  io.close(() => process.exit(0));
});

http.listen(Number(values.port), '127.0.0.1', () => {
  const address = http.address();
  announceReady(typeof address === 'object' && address ? address.port : Number(values.port));
});
