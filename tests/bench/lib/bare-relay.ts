/**
 * The ceiling of the stack for the load benchmark: a bare Socket.IO server, no HTTP API, no
 * engine, no store. A socket names its room in the handshake (`{ room }`), joins it and gets a
 * whole `view`; every `command` bumps the room's seq, broadcasts one `patch` message to the room,
 * then acks, as the real server does after its append. What it sends are copies of frames the real
 * server sent players in the same run (a JSON file: one whole view, and the patches of the
 * measured window, sent in turn), so the wire sizes and the client's parse work match.
 *
 *   node --import tsx tests/bench/lib/bare-relay.ts --sample <file.json> [--port <n>]
 */
import fs from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { Server } from 'socket.io';
import { announceReady } from './child-process.ts';
import type { UpdateSample } from './load-step.ts';

const { values } = parseArgs({ options: { sample: { type: 'string' }, port: { type: 'string', default: '0' } } });
if (!values.sample) throw new Error('usage: bare-relay.ts --sample <file.json> [--port <n>]');
const sample = JSON.parse(fs.readFileSync(values.sample, 'utf8')) as UpdateSample;
if (sample.patches.length === 0) throw new Error(`${values.sample} holds no patches to send`);

const http = createServer();
const io = new Server(http, { transports: ['websocket'] });
const seqs = new Map<string, number>();
let sent = 0;

io.on('connection', (socket) => {
  const room = String((socket.handshake.auth as { room?: unknown }).room ?? 'lobby');
  void socket.join(room);
  socket.emit('view', { seq: seqs.get(room) ?? 0, view: sample.view });
  socket.on('command', (_payload: unknown, ack: unknown) => {
    const seq = (seqs.get(room) ?? 0) + 1;
    seqs.set(room, seq);
    io.to(room).emit('patch', { seq, base: seq - 1, patch: sample.patches[sent++ % sample.patches.length] });
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
